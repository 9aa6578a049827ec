// The set-based statements behind a seller's neighbourhood (neighbourhood.ts). Each
// takes the as-of and reads nothing after it, and each probes the warehouse's
// indexes (orders by seller and by device/IP/address, logins by account and by
// device/IP, payout changes by account, flags and enforcement by entity).
import { holdings, ORDER_USES, payoutHoldersOf } from "./sql.js";

/**
 * $1 frontier seller ids, $2 as-of, $3 least buyers for a farm, $4 bound per seller:
 * the attributes through which a frontier seller can link to another (link-rule.ts):
 * what it owns (login devices and IPs, payout accounts held), the devices and IPs of
 * its orders that another seller logs in from, and the order attributes at least $3
 * of its buyers used (a farm side). Order attributes rank most used first; at most
 * $4 a seller.
 */
export const FRONTIER_ATTRIBUTES_SQL = `
WITH owned AS (
  SELECT DISTINCT l.account_id AS seller_id, a.kind, a.value
    FROM risk.logins l
   CROSS JOIN LATERAL (VALUES ('device', l.device_id), ('ip', host(l.ip))) AS a(kind, value)
   WHERE l.account_type = 'seller' AND l.account_id = ANY($1::text[]) AND l.at <= $2
     AND l.success AND a.value IS NOT NULL
  UNION
  SELECT h.seller_id, 'payout_account', h.acct
    FROM (${holdings("$2")}) h
   WHERE h.seller_id = ANY($1::text[]) AND h.acct IS NOT NULL
), ${ORDER_USES}, used AS (
  SELECT seller_id, kind, value, count(*) AS buyers FROM order_uses GROUP BY seller_id, kind, value
), linkable AS (
  SELECT u.seller_id, u.kind, u.value, u.buyers FROM used u WHERE u.buyers >= $3
  UNION
  SELECT u.seller_id, u.kind, u.value, u.buyers FROM used u
   WHERE u.kind = 'device' AND EXISTS (
     SELECT 1 FROM risk.logins l
      WHERE l.account_type = 'seller' AND l.device_id = u.value AND l.account_id <> u.seller_id
        AND l.at <= $2 AND l.success)
  UNION
  SELECT u.seller_id, u.kind, u.value, u.buyers FROM used u
   WHERE u.kind = 'ip' AND EXISTS (
     SELECT 1 FROM risk.logins l
      WHERE l.account_type = 'seller' AND l.ip = u.value::inet AND l.account_id <> u.seller_id
        AND l.at <= $2 AND l.success)
), ranked AS (
  SELECT seller_id, kind, value,
         row_number() OVER (PARTITION BY seller_id ORDER BY buyers DESC, kind, value) AS rank
    FROM linkable
)
SELECT seller_id, kind, value FROM owned
UNION
SELECT seller_id, kind, value FROM ranked WHERE rank <= $4`;

/**
 * $1 device ids, $2 IPs, $3 addresses, $4 payout accounts, $5 as-of, $6 rows kept per
 * holding: every seller holding one of them, how (login, payout, order), with how
 * many distinct buyers (orders), and the first rows that show it — login ids, order
 * ids, payout change ids — so each edge of the graph names the rows behind it.
 */
export const ATTRIBUTE_HOLDERS_SQL = `
SELECT l.account_id AS seller_id, 'device' AS kind, l.device_id AS value, 'login' AS role,
       0 AS buyers, 'logins' AS source, (array_agg(l.login_id ORDER BY l.at, l.login_id))[1:$6] AS rows
  FROM risk.logins l
 WHERE l.account_type = 'seller' AND l.device_id = ANY($1::text[]) AND l.at <= $5 AND l.success
 GROUP BY l.account_id, l.device_id
UNION ALL
SELECT l.account_id, 'ip', host(l.ip), 'login', 0, 'logins',
       (array_agg(l.login_id ORDER BY l.at, l.login_id))[1:$6]
  FROM risk.logins l
 WHERE l.account_type = 'seller' AND l.ip = ANY($2::inet[]) AND l.at <= $5 AND l.success
 GROUP BY l.account_id, l.ip
UNION ALL
SELECT o.seller_id, 'device', o.device_id, 'order', count(DISTINCT o.buyer_id), 'orders',
       (array_agg(o.order_id ORDER BY o.created_at, o.order_id))[1:$6]
  FROM risk.orders o WHERE o.device_id = ANY($1::text[]) AND o.created_at <= $5
 GROUP BY o.seller_id, o.device_id
UNION ALL
SELECT o.seller_id, 'ip', host(o.ip), 'order', count(DISTINCT o.buyer_id), 'orders',
       (array_agg(o.order_id ORDER BY o.created_at, o.order_id))[1:$6]
  FROM risk.orders o WHERE o.ip = ANY($2::inet[]) AND o.created_at <= $5
 GROUP BY o.seller_id, o.ip
UNION ALL
SELECT o.seller_id, 'address', o.shipping_address_id, 'order', count(DISTINCT o.buyer_id), 'orders',
       (array_agg(o.order_id ORDER BY o.created_at, o.order_id))[1:$6]
  FROM risk.orders o WHERE o.shipping_address_id = ANY($3::text[]) AND o.created_at <= $5
 GROUP BY o.seller_id, o.shipping_address_id
UNION ALL
SELECT h.seller_id, 'payout_account', h.acct, 'payout', 0, 'sellers', ARRAY[h.seller_id]
  FROM (${payoutHoldersOf("$5", "$4::text[]")}) h
UNION ALL
SELECT pc.seller_id, 'payout_account', a.acct, 'payout', 0, 'payout_changes',
       (array_agg(pc.change_id ORDER BY pc.at, pc.change_id))[1:$6]
  FROM risk.payout_changes pc
 CROSS JOIN LATERAL (VALUES (pc.new_account_id), (pc.old_account_id)) AS a(acct)
 WHERE pc.at <= $5 AND a.acct = ANY($4::text[])
 GROUP BY pc.seller_id, a.acct`;

/**
 * $1 seller ids (the subject first among them), $2 as-of, $3 window start: the
 * seller–buyer block — every buyer who ordered from at least two of the sellers in
 * the window, with its orders per seller and the first order ids — and each seller's
 * distinct buyers in the window (buyer_id NULL rows), the block's denominator.
 */
export const BLOCK_SQL = `
WITH recent AS (
  SELECT o.seller_id, o.buyer_id, o.order_id, o.created_at, o.status
    FROM risk.orders o
   WHERE o.seller_id = ANY($1::text[]) AND o.created_at <= $2 AND o.created_at > $3
), shared AS (
  SELECT buyer_id FROM recent GROUP BY buyer_id HAVING count(DISTINCT seller_id) >= 2
)
SELECT r.seller_id, r.buyer_id, count(*)::int AS orders,
       count(*) FILTER (WHERE r.status IN ('cancelled', 'refunded'))::int AS undone,
       (array_agg(r.order_id ORDER BY r.created_at, r.order_id))[1:3] AS rows
  FROM recent r JOIN shared s ON s.buyer_id = r.buyer_id
 GROUP BY r.seller_id, r.buyer_id
UNION ALL
SELECT seller_id, NULL, count(DISTINCT buyer_id)::int, 0, ARRAY[]::text[]
  FROM recent GROUP BY seller_id`;

/**
 * $1 seller ids, $2 as-of: the enforcement actions taken and the flags raised on
 * them up to the as-of — the neighbourhood's history.
 */
export const HISTORY_SQL = `
SELECT 'enforcement' AS source, e.action_id AS id, e.entity_id AS seller_id,
       e.action AS what, e.reason, e.created_at AS at
  FROM risk.enforcement_actions e
 WHERE e.entity_type = 'seller' AND e.entity_id = ANY($1::text[]) AND e.created_at <= $2
UNION ALL
SELECT 'flag', f.flag_id, f.entity_id, f.source, f.reason, f.created_at
  FROM risk.flags f
 WHERE f.entity_type = 'seller' AND f.entity_id = ANY($1::text[]) AND f.created_at <= $2
 ORDER BY seller_id, at, id`;

/** $1 seller id: its category, which its block density is compared within. */
export const SELLER_CATEGORY_SQL = "SELECT category FROM risk.sellers WHERE seller_id = $1";
