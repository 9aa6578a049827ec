// The set-based statements behind readSharedAttributes. Every statement takes the
// as-of instant and reads nothing after it; each probes the warehouse's indexes
// (orders by seller and by device/IP/address, logins by account and by device/IP)
// rather than scanning, except the degree profile's hash-sampled pass.

/**
 * (seller_id, acct): every payout account a seller held up to $T — the accounts its
 * changes up to $T moved from and to, and the one it held at $T (the old account of
 * its first change after $T, else its current account).
 */
export const PAYOUT_HOLDINGS = `
  SELECT pc.seller_id, pc.new_account_id AS acct FROM risk.payout_changes pc WHERE pc.at <= $T
  UNION
  SELECT pc.seller_id, pc.old_account_id FROM risk.payout_changes pc
   WHERE pc.at <= $T AND pc.old_account_id IS NOT NULL
  UNION
  SELECT s.seller_id, CASE WHEN nx.found THEN nx.old_account_id ELSE s.payout_account_id END
    FROM risk.sellers s
    LEFT JOIN LATERAL (
      SELECT true AS found, pc.old_account_id FROM risk.payout_changes pc
       WHERE pc.seller_id = s.seller_id AND pc.at > $T ORDER BY pc.at LIMIT 1
    ) nx ON true
   WHERE s.registered_at <= $T`;

/** The payout accounts sellers held at an as-of bound to the parameter `asOf` names. */
export const holdings = (asOf: string) => PAYOUT_HOLDINGS.replaceAll("$T", asOf);

/**
 * A CTE: each distinct (seller, attribute kind, value, buyer) of the orders sellers
 * $1 received up to $2 — the devices, IPs and shipping addresses their buyers used.
 */
export const ORDER_USES = `order_uses AS (
  SELECT DISTINCT o.seller_id, a.kind, a.value, o.buyer_id
    FROM risk.orders o
   CROSS JOIN LATERAL (VALUES
     ('device', o.device_id), ('ip', host(o.ip)), ('address', o.shipping_address_id)
   ) AS a(kind, value)
   WHERE o.seller_id = ANY($1::text[]) AND o.created_at <= $2 AND a.value IS NOT NULL
)`;

/**
 * (seller_id, acct) as PAYOUT_HOLDINGS, for the accounts in `accounts` only: each
 * branch probes an index (payout changes by account, sellers by current account)
 * instead of walking every seller, so a degree lookup costs what its accounts do.
 */
export function payoutHoldersOf(asOf: string, accounts: string): string {
  return `
  SELECT pc.seller_id, pc.new_account_id AS acct FROM risk.payout_changes pc
   WHERE pc.at <= ${asOf} AND pc.new_account_id = ANY(${accounts})
  UNION
  SELECT pc.seller_id, pc.old_account_id FROM risk.payout_changes pc
   WHERE pc.at <= ${asOf} AND pc.old_account_id = ANY(${accounts})
  UNION
  SELECT s.seller_id, CASE WHEN nx.found THEN nx.old_account_id ELSE s.payout_account_id END
    FROM risk.sellers s
    LEFT JOIN LATERAL (
      SELECT true AS found, pc.old_account_id FROM risk.payout_changes pc
       WHERE pc.seller_id = s.seller_id AND pc.at > ${asOf} ORDER BY pc.at LIMIT 1
    ) nx ON true
   WHERE s.registered_at <= ${asOf}
     AND s.seller_id IN (
       SELECT c.seller_id FROM risk.sellers c WHERE c.payout_account_id = ANY(${accounts})
       UNION
       SELECT c.seller_id FROM risk.payout_changes c
        WHERE c.at > ${asOf} AND c.old_account_id = ANY(${accounts}))
     AND CASE WHEN nx.found THEN nx.old_account_id ELSE s.payout_account_id END = ANY(${accounts})`;
}

/** $1 seller ids, $2 as-of: the sellers among them the warehouse holds. */
export const KNOWN_SELLERS_SQL =
  "SELECT seller_id FROM risk.sellers WHERE seller_id = ANY($1::text[]) ORDER BY seller_id";

/**
 * $1 seller ids, $2 as-of, $3 bound on order attributes per seller, $4 least buyers
 * for a farm: each seller's own attributes (login devices and IPs, payout accounts),
 * and the order attributes (devices, IPs, shipping addresses of orders received)
 * that can link two of the sellers under the rule in link-rule.ts — another of them
 * owns it, or at least two of them each saw $4 or more distinct buyers use it. Order
 * attributes carry that buyer count and are ranked the most used first; `rank`
 * above $3 marks the cut.
 */
export const SELLER_ATTRIBUTES_SQL = `
WITH logins AS (
  SELECT DISTINCT l.account_id AS seller_id, a.kind, a.value
    FROM risk.logins l
   CROSS JOIN LATERAL (VALUES ('device', l.device_id), ('ip', host(l.ip))) AS a(kind, value)
   WHERE l.account_type = 'seller' AND l.account_id = ANY($1::text[]) AND l.at <= $2
     AND l.success AND a.value IS NOT NULL
), payouts AS (
  SELECT DISTINCT h.seller_id, 'payout_account' AS kind, h.acct AS value
    FROM (${holdings("$2")}) h
   WHERE h.seller_id = ANY($1::text[]) AND h.acct IS NOT NULL
), owned AS (
  SELECT seller_id, kind, value, 'login' AS role FROM logins
  UNION ALL SELECT seller_id, kind, value, 'payout' FROM payouts
), ${ORDER_USES}, orders AS (
  SELECT seller_id, kind, value, count(*) AS buyers FROM order_uses GROUP BY seller_id, kind, value
), owned_keys AS (
  SELECT DISTINCT kind, value FROM owned
), farm_keys AS (
  SELECT kind, value FROM orders WHERE buyers >= $4 GROUP BY kind, value HAVING count(*) >= 2
), linkable AS (
  SELECT o.seller_id, o.kind, o.value, o.buyers FROM orders o
   WHERE EXISTS (SELECT 1 FROM owned w
                  WHERE w.kind = o.kind AND w.value = o.value AND w.seller_id <> o.seller_id)
  UNION
  SELECT o.seller_id, o.kind, o.value, o.buyers FROM orders o
    JOIN owned_keys k ON k.kind = o.kind AND k.value = o.value
   WHERE EXISTS (SELECT 1 FROM orders p
                  WHERE p.kind = o.kind AND p.value = o.value AND p.seller_id <> o.seller_id)
  UNION
  SELECT o.seller_id, o.kind, o.value, o.buyers FROM orders o
    JOIN farm_keys f ON f.kind = o.kind AND f.value = o.value
   WHERE o.buyers >= $4
), ranked AS (
  SELECT seller_id, kind, value, buyers,
         row_number() OVER (PARTITION BY seller_id ORDER BY buyers DESC, kind, value) AS rank
    FROM linkable
)
SELECT seller_id, kind, value, role, 0 AS buyers, 0 AS rank FROM owned
UNION ALL
SELECT seller_id, kind, value, 'order', buyers, rank FROM ranked WHERE rank <= $3 + 1`;

/**
 * $1 device ids, $2 IPs, $3 addresses, $4 payout accounts, $5 as-of: the degree of
 * each — distinct accounts (buyers and sellers) that placed an order from or shipped
 * to it, logged in from it, or held it, up to $5.
 */
export const DEGREES_SQL = `
WITH uses AS (
  SELECT 'device' AS kind, o.device_id AS value, 'buyer' AS account_type, o.buyer_id AS account_id
    FROM risk.orders o WHERE o.device_id = ANY($1::text[]) AND o.created_at <= $5
  UNION ALL
  SELECT 'device', l.device_id, l.account_type, l.account_id
    FROM risk.logins l WHERE l.device_id = ANY($1::text[]) AND l.at <= $5 AND l.success
  UNION ALL
  SELECT 'ip', host(o.ip), 'buyer', o.buyer_id
    FROM risk.orders o WHERE o.ip = ANY($2::inet[]) AND o.created_at <= $5
  UNION ALL
  SELECT 'ip', host(l.ip), l.account_type, l.account_id
    FROM risk.logins l WHERE l.ip = ANY($2::inet[]) AND l.at <= $5 AND l.success
  UNION ALL
  SELECT 'address', o.shipping_address_id, 'buyer', o.buyer_id
    FROM risk.orders o WHERE o.shipping_address_id = ANY($3::text[]) AND o.created_at <= $5
  UNION ALL
  SELECT 'payout_account', h.acct, 'seller', h.seller_id
    FROM (${payoutHoldersOf("$5", "$4::text[]")}) h
), accounts AS (
  SELECT DISTINCT kind, value, account_type, account_id FROM uses
)
SELECT kind, value, count(*)::int AS degree FROM accounts GROUP BY kind, value`;

/**
 * $1 as-of, $2 sampling modulus: quartiles of the degree per attribute kind over the
 * attributes whose value hashes to 0 modulo $2 — a uniform sample of the warehouse's
 * attributes (a value is in or out whatever its use), so the pass reads orders and
 * logins once each but groups and counts only a fraction. Payout accounts are few
 * and counted whole.
 */
export const DEGREE_PROFILE_SQL = `
WITH uses AS (
  SELECT a.kind, a.value, 'buyer' AS account_type, o.buyer_id AS account_id
    FROM risk.orders o
   CROSS JOIN LATERAL (VALUES
     ('device', o.device_id), ('ip', host(o.ip)), ('address', o.shipping_address_id)
   ) AS a(kind, value)
   WHERE o.created_at <= $1 AND a.value IS NOT NULL AND hashtext(a.value)::bigint % $2 = 0
  UNION ALL
  SELECT a.kind, a.value, l.account_type, l.account_id
    FROM risk.logins l
   CROSS JOIN LATERAL (VALUES ('device', l.device_id), ('ip', host(l.ip))) AS a(kind, value)
   WHERE l.at <= $1 AND l.success AND a.value IS NOT NULL AND hashtext(a.value)::bigint % $2 = 0
  UNION ALL
  SELECT 'payout_account', h.acct, 'seller', h.seller_id
    FROM (${holdings("$1")}) h WHERE h.acct IS NOT NULL
), accounts AS (
  SELECT DISTINCT kind, value, account_type, account_id FROM uses
), degrees AS (
  SELECT kind, value, count(*) AS degree FROM accounts GROUP BY kind, value
)
SELECT kind, count(*)::int AS sampled,
       percentile_disc(0.25) WITHIN GROUP (ORDER BY degree)::int AS q1,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY degree)::int AS median,
       percentile_disc(0.75) WITHIN GROUP (ORDER BY degree)::int AS q3,
       max(degree)::int AS max
  FROM degrees GROUP BY kind`;

/**
 * $1 as-of, $2 sampling modulus: the distinct (buyer, shop) pairs of orders up to $1
 * among buyers whose id hashes to 0 modulo $2 — times $2, the marketplace's pairs.
 */
export const BUYER_SHOP_PAIRS_SQL = `
SELECT count(*)::bigint AS pairs FROM (
  SELECT DISTINCT o.buyer_id, o.seller_id FROM risk.orders o
   WHERE o.created_at <= $1 AND hashtext(o.buyer_id)::bigint % $2 = 0
) p`;
