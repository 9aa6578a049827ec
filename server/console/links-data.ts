// Where the links page gets its data — kept to this one file so the k-hop
// neighbourhood tool being built in tools/links can replace it. For now: the sellers
// that share a device, IP, payout account or shipping address with the subject up to
// the as-of (one statement, the most shared first), then readSharedAttributes over
// the subject and those sellers, which applies the link rule and gives degrees and
// the degree profile hubs are judged against.
import type { Queryable } from "../../db/types.js";
import { readSharedAttributes, type SharedAttributes } from "../../tools/links/index.js";
import { PAYOUT_HOLDINGS } from "../../tools/links/sql.js";

/** Neighbours drawn at most (the most shared first). */
export const MAX_NEIGHBOURS = 25;

const USES = `
  SELECT o.seller_id, a.kind, a.value FROM risk.orders o
   CROSS JOIN LATERAL (VALUES ('device', o.device_id), ('ip', host(o.ip)), ('address', o.shipping_address_id)) a(kind, value)
   WHERE o.created_at <= $2 AND a.value IS NOT NULL
  UNION
  SELECT l.account_id, a.kind, a.value FROM risk.logins l
   CROSS JOIN LATERAL (VALUES ('device', l.device_id), ('ip', host(l.ip))) a(kind, value)
   WHERE l.account_type = 'seller' AND l.success AND l.at <= $2 AND a.value IS NOT NULL
  UNION
  SELECT h.seller_id, 'payout_account', h.acct FROM (${PAYOUT_HOLDINGS.replaceAll("$T", "$2")}) h
   WHERE h.acct IS NOT NULL`;

const NEIGHBOURS_SQL = `
WITH uses AS (${USES}),
mine AS (SELECT DISTINCT kind, value FROM uses WHERE seller_id = $1)
SELECT u.seller_id, count(DISTINCT (u.kind, u.value)) AS shared
  FROM uses u JOIN mine m ON m.kind = u.kind AND m.value = u.value
 WHERE u.seller_id <> $1
 GROUP BY u.seller_id ORDER BY shared DESC, u.seller_id LIMIT $3`;

export async function readNeighbourhood(
  warehouse: Queryable,
  sellerId: string,
  asOf: string,
): Promise<SharedAttributes> {
  const instant = new Date(asOf).toISOString();
  const { rows } = await warehouse.query<{ seller_id: string }>(NEIGHBOURS_SQL, [
    sellerId,
    instant,
    MAX_NEIGHBOURS,
  ]);
  return readSharedAttributes(warehouse, [sellerId, ...rows.map((r) => r.seller_id)], instant);
}
