// Collusion: a closed ring. Buyers on the seller's own devices and networks, payout
// accounts shared between sellers, the same few buyers again and again, and orders
// undone after the promotion or the ranking paid off.
import { defineIndicator, HUB_WEIGHT, SELLERS } from "../definition.js";

export const COLLUSION_INDICATORS = [
  defineIndicator({
    id: "collusion.buyers_on_seller_devices",
    title: "Buyers placing orders from the seller's own devices",
    topics: ["collusion"],
    unit: "count",
    description:
      "Distinct buyers with an order (here or at any other shop) placed from a device the seller's own account logs in from. Genuine buyers never use a shop's phone; a ring's buyers do, wherever they buy.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS}),
      net AS (SELECT DISTINCT l.account_id AS seller_id, l.device_id FROM risk.logins l JOIN s ON s.seller_id = l.account_id
               WHERE l.account_type = 'seller' AND l.at <= $2::timestamptz)
      SELECT n.seller_id, count(DISTINCT o.buyer_id)::float8 AS value
        FROM net n JOIN risk.orders o ON o.device_id = n.device_id
       WHERE o.created_at <= $2::timestamptz GROUP BY n.seller_id`,
    sampleSql: `WITH net AS (SELECT DISTINCT device_id FROM risk.logins WHERE account_type = 'seller' AND account_id = $1 AND at <= $2::timestamptz)
      SELECT o.buyer_id, o.order_id, o.seller_id AS sold_by, o.device_id, o.status, o.created_at FROM risk.orders o
       WHERE o.created_at <= $2::timestamptz AND o.device_id IN (SELECT device_id FROM net)
       ORDER BY o.created_at DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "collusion.buyers_on_seller_ips",
    title: "Buyers ordering from the seller's own IP addresses (hub IPs discounted)",
    topics: ["collusion"],
    unit: "count",
    description:
      "Distinct buyers with an order placed from an IP the seller logs in from, each counted by how rare the IP is (HUB_WEIGHT): a carrier-NAT or campus address that hundreds of buyers use says almost nothing. Weak alone: colleagues behind an office network share an IP.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS}),
      net AS (SELECT DISTINCT l.account_id AS seller_id, l.ip FROM risk.logins l JOIN s ON s.seller_id = l.account_id
               WHERE l.account_type = 'seller' AND l.at <= $2::timestamptz),
      hit AS (SELECT DISTINCT o.seller_id, o.buyer_id, o.ip FROM risk.orders o JOIN net n ON n.seller_id = o.seller_id AND n.ip = o.ip
               WHERE o.created_at <= $2::timestamptz),
      -- how many buyers anywhere order from each such IP: a hub's buyers count for little
      deg AS (SELECT x.ip, count(DISTINCT x.buyer_id) AS buyers FROM risk.orders x
               WHERE x.ip IN (SELECT ip FROM hit) AND x.created_at <= $2::timestamptz GROUP BY x.ip),
      per AS (SELECT h.seller_id, h.buyer_id, max(${HUB_WEIGHT("d.buyers")}) AS w FROM hit h JOIN deg d USING (ip) GROUP BY 1, 2)
      SELECT seller_id, sum(w)::float8 AS value FROM per GROUP BY seller_id`,
    sampleSql: `WITH net AS (SELECT DISTINCT ip FROM risk.logins WHERE account_type = 'seller' AND account_id = $1 AND at <= $2::timestamptz)
      SELECT o.buyer_id, b.registered_at AS buyer_registered_at, host(o.ip) AS ip, o.status, o.created_at
        FROM risk.orders o JOIN risk.buyers b USING (buyer_id)
       WHERE o.seller_id = $1 AND o.created_at <= $2::timestamptz AND o.ip IN (SELECT ip FROM net)
       ORDER BY o.created_at DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "collusion.buyers_on_other_seller_network",
    title: "Buyers ordering here from another seller's devices or IPs (hubs discounted)",
    topics: ["collusion"],
    unit: "count",
    description:
      "Distinct buyers whose orders here come from a device or IP that a different seller logs in from: the link that closes a ring. Each buyer counts by how rare the linking device or IP is (HUB_WEIGHT), so a seller on a mobile network that hundreds of buyers share is not a ring.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS}),
      o AS (SELECT DISTINCT o.seller_id, o.buyer_id, o.device_id, o.ip FROM risk.orders o JOIN s USING (seller_id)
             WHERE o.created_at > $2::timestamptz - interval '180 days' AND o.created_at <= $2::timestamptz),
      -- one probe per attribute kind, so each can use its index (logins by device, logins by ip)
      dl AS (SELECT o.seller_id, o.buyer_id, o.device_id FROM o
              WHERE EXISTS (SELECT 1 FROM risk.logins l WHERE l.device_id = o.device_id AND l.account_type = 'seller'
                              AND l.account_id <> o.seller_id AND l.at <= $2::timestamptz)),
      il AS (SELECT o.seller_id, o.buyer_id, o.ip FROM o
              WHERE EXISTS (SELECT 1 FROM risk.logins l WHERE l.ip = o.ip AND l.account_type = 'seller'
                              AND l.account_id <> o.seller_id AND l.at <= $2::timestamptz)),
      -- how many buyers anywhere use each linking device or IP: a hub's buyers count for little
      dd AS (SELECT x.device_id, count(DISTINCT x.buyer_id) AS buyers FROM risk.orders x
              WHERE x.device_id IN (SELECT device_id FROM dl) AND x.created_at <= $2::timestamptz GROUP BY x.device_id),
      ipd AS (SELECT x.ip, count(DISTINCT x.buyer_id) AS buyers FROM risk.orders x
               WHERE x.ip IN (SELECT ip FROM il) AND x.created_at <= $2::timestamptz GROUP BY x.ip),
      w AS (SELECT dl.seller_id, dl.buyer_id, ${HUB_WEIGHT("dd.buyers")} AS w FROM dl JOIN dd USING (device_id)
            UNION ALL
            SELECT il.seller_id, il.buyer_id, ${HUB_WEIGHT("ipd.buyers")} FROM il JOIN ipd USING (ip)),
      per AS (SELECT seller_id, buyer_id, max(w) AS w FROM w GROUP BY 1, 2)
      SELECT seller_id, sum(w)::float8 AS value FROM per GROUP BY seller_id`,
    sampleSql: `WITH o AS (SELECT order_id, buyer_id, seller_id, device_id, ip FROM risk.orders
                  WHERE seller_id = $1 AND created_at > $2::timestamptz - interval '180 days' AND created_at <= $2::timestamptz)
      SELECT DISTINCT o.buyer_id, o.order_id, o.device_id, host(o.ip) AS ip, l.account_id AS other_seller, 'device' AS shared
        FROM o JOIN risk.logins l ON l.device_id = o.device_id AND l.account_type = 'seller' AND l.account_id <> o.seller_id AND l.at <= $2::timestamptz
      UNION
      SELECT DISTINCT o.buyer_id, o.order_id, o.device_id, host(o.ip) AS ip, l.account_id AS other_seller, 'ip' AS shared
        FROM o JOIN risk.logins l ON l.ip = o.ip AND l.account_type = 'seller' AND l.account_id <> o.seller_id AND l.at <= $2::timestamptz
      ORDER BY order_id LIMIT 10`,
  }),
  defineIndicator({
    id: "collusion.shared_payout_account",
    title: "Other sellers paid into the same account",
    topics: ["collusion"],
    unit: "count",
    description: "Sellers whose current payout account is this seller's, or who switched to it.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS})
      SELECT s.seller_id, count(DISTINCT other.seller_id)::float8 AS value
        FROM s JOIN (SELECT seller_id, payout_account_id AS account FROM risk.sellers
                     UNION SELECT seller_id, new_account_id FROM risk.payout_changes WHERE at <= $2::timestamptz) other
          ON other.account = s.payout_account_id AND other.seller_id <> s.seller_id
       GROUP BY s.seller_id`,
    sampleSql: `SELECT o.seller_id, o.shop_name, o.payout_account_id FROM risk.sellers s JOIN risk.sellers o
          ON o.payout_account_id = s.payout_account_id AND o.seller_id <> s.seller_id WHERE s.seller_id = $1 LIMIT 10`,
  }),
  defineIndicator({
    id: "collusion.undo_rate_120d",
    title: "Cancelled or refunded share of orders (120 days)",
    topics: ["collusion", "incentive_abuse"],
    unit: "share",
    description:
      "Orders undone after the fact: the pay-off of a ring (promotion credit, ranking) without a real sale.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT o.seller_id, avg((o.status IN ('cancelled', 'refunded'))::int)::float8 AS value FROM risk.orders o JOIN s USING (seller_id)
       WHERE o.created_at > $2::timestamptz - interval '120 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id`,
  }),
  defineIndicator({
    id: "collusion.repeat_concentration",
    title: "Share of orders from buyers with three or more orders here (120 days)",
    topics: ["collusion"],
    unit: "share",
    description: "A ring's few buyers keep buying from its sellers.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS}),
      per AS (SELECT o.seller_id, o.buyer_id, count(*) AS n FROM risk.orders o JOIN s USING (seller_id)
               WHERE o.created_at > $2::timestamptz - interval '120 days' AND o.created_at <= $2::timestamptz GROUP BY 1, 2)
      SELECT seller_id, coalesce(sum(n) FILTER (WHERE n >= 3), 0)::float8 / sum(n) AS value FROM per GROUP BY seller_id`,
  }),
];
