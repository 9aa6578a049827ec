// Where the links page gets its data — kept to this one file so the k-hop
// neighbourhood tool being built in tools/links can replace it. For now: the sellers
// that share a device, IP, payout account or shipping address with the subject up to
// the as-of (one statement, the most shared first), then readSharedAttributes over
// the subject and those sellers, which applies the link rule and gives degrees and
// the degree profile hubs are judged against. And the seller's own ring: its buyers
// and itself tied by the devices, IPs and shipping addresses of its orders and its
// logins that at least two of them used, with the rows (order and login ids) behind
// each tie and each attribute's degree over the whole warehouse.
import type { Queryable } from "../../db/types.js";
import type { AttributeKind } from "../../tools/links/index.js";
import { readSharedAttributes, type SharedAttributes } from "../../tools/links/index.js";
import { DEGREES_SQL, PAYOUT_HOLDINGS } from "../../tools/links/sql.js";

/** Neighbours drawn at most (the most shared first). */
export const MAX_NEIGHBOURS = 25;
/** Ties of the seller's buyers drawn at most (the most used first). */
export const MAX_BUYER_TIES = 300;

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

/** One account's use of an attribute the seller's ring shares, and the rows that show it. */
export interface RingTie {
  holderType: "seller" | "buyer";
  holder: string;
  kind: AttributeKind;
  value: string;
  /** How many rows (orders, logins) show the use, and the first few of their ids. */
  rows: number;
  sample: string[];
  /** Accounts using the attribute in the whole warehouse up to the as-of. */
  degree: number;
}

const RING_SQL = `
WITH uses AS (
  SELECT 'buyer' AS holder_type, o.buyer_id AS holder, a.kind, a.value, o.order_id AS row_id
    FROM risk.orders o
   CROSS JOIN LATERAL (VALUES ('device', o.device_id), ('ip', host(o.ip)), ('address', o.shipping_address_id)) a(kind, value)
   WHERE o.seller_id = $1 AND o.created_at <= $2 AND a.value IS NOT NULL
  UNION ALL
  SELECT 'seller', l.account_id, a.kind, a.value, l.login_id
    FROM risk.logins l
   CROSS JOIN LATERAL (VALUES ('device', l.device_id), ('ip', host(l.ip))) a(kind, value)
   WHERE l.account_type = 'seller' AND l.account_id = $1 AND l.success AND l.at <= $2 AND a.value IS NOT NULL
), shared AS (
  SELECT kind, value FROM uses GROUP BY kind, value HAVING count(DISTINCT (holder_type, holder)) >= 2
)
SELECT u.holder_type, u.holder, u.kind, u.value, count(*) AS rows,
       (array_agg(u.row_id ORDER BY u.row_id))[1:5] AS sample
  FROM uses u JOIN shared s ON s.kind = u.kind AND s.value = u.value
 GROUP BY u.holder_type, u.holder, u.kind, u.value
 ORDER BY rows DESC, u.holder, u.kind, u.value
 LIMIT $3`;

export async function readRingTies(
  warehouse: Queryable,
  sellerId: string,
  asOf: string,
): Promise<RingTie[]> {
  const instant = new Date(asOf).toISOString();
  const { rows } = await warehouse.query<{
    holder_type: "seller" | "buyer";
    holder: string;
    kind: AttributeKind;
    value: string;
    rows: number | string;
    sample: string[];
  }>(RING_SQL, [sellerId, instant, MAX_BUYER_TIES]);
  const values = (kind: string) => [
    ...new Set(rows.filter((r) => r.kind === kind).map((r) => r.value)),
  ];
  const degrees = rows.length
    ? (
        await warehouse.query<{ kind: string; value: string; degree: number }>(DEGREES_SQL, [
          values("device"),
          values("ip"),
          values("address"),
          [],
          instant,
        ])
      ).rows
    : [];
  const degreeOf = new Map(degrees.map((d) => [`${d.kind}:${d.value}`, Number(d.degree)]));
  return rows.map((r) => ({
    holderType: r.holder_type,
    holder: r.holder,
    kind: r.kind,
    value: r.value,
    rows: Number(r.rows),
    sample: r.sample,
    degree: degreeOf.get(`${r.kind}:${r.value}`) ?? 1,
  }));
}
