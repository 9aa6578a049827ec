// Brushing: fresh single-purpose accounts on shared devices and addresses, buying
// cheap items and posting templated praise soon after delivery.
import { defineIndicator, SELLERS } from "../definition.js";

/** The seller's distinct (buyer, device, address) of the last 90 days. */
const RECENT = `WITH s AS (${SELLERS}),
  o AS (SELECT DISTINCT o.seller_id, o.buyer_id, o.device_id, o.shipping_address_id FROM risk.orders o JOIN s USING (seller_id)
         WHERE o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz)`;

export const BRUSHING_INDICATORS = [
  defineIndicator({
    id: "brushing.buyer_device_sharing",
    title: "Share of recent buyers sharing a device with another of the seller's buyers",
    topics: ["brushing"],
    unit: "share",
    description:
      "Distinct buyers who placed an order from a device another of this seller's buyers also used (90 days), each weighted by the share of that device's buyers anywhere who buy here: a farm's devices serve this shop, a shared kiosk or a hub serves everyone. Households make this a few percent; brushing farms make it most.",
    whenAbsent: null,
    // Group, then join: a self-join of every buyer pair grows with the square of a big seller's buyers.
    valueSql: `${RECENT},
      shared AS (SELECT seller_id, device_id, count(DISTINCT buyer_id) AS here FROM o WHERE device_id IS NOT NULL GROUP BY 1, 2 HAVING count(DISTINCT buyer_id) > 1),
      -- how many buyers anywhere use each shared device (90 days): one used mostly by other shops' buyers is a hub
      total AS (SELECT x.device_id, count(DISTINCT x.buyer_id) AS buyers FROM risk.orders x
                 WHERE x.device_id IN (SELECT device_id FROM shared)
                   AND x.created_at > $2::timestamptz - interval '90 days' AND x.created_at <= $2::timestamptz GROUP BY 1),
      w AS (SELECT sh.seller_id, sh.device_id, least(1.0, sh.here::float8 / greatest(t.buyers, 1)) AS w
              FROM shared sh JOIN total t USING (device_id)),
      per AS (SELECT o.seller_id, o.buyer_id, max(coalesce(w.w, 0)) AS w
                FROM o LEFT JOIN w ON w.seller_id = o.seller_id AND w.device_id = o.device_id GROUP BY 1, 2)
      SELECT seller_id, (sum(w) / count(*))::float8 AS value FROM per GROUP BY seller_id`,
    sampleSql: `SELECT o.device_id, count(DISTINCT o.buyer_id) AS buyers, min(o.created_at) AS first_order, max(o.created_at) AS last_order
        FROM risk.orders o WHERE o.seller_id = $1 AND o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz
       GROUP BY o.device_id HAVING count(DISTINCT o.buyer_id) > 1 ORDER BY buyers DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "brushing.buyer_address_sharing",
    title: "Share of recent buyers sharing a shipping address with another of the seller's buyers",
    topics: ["brushing", "incentive_abuse"],
    unit: "share",
    description:
      "Distinct buyers shipping to an address another of this seller's buyers also used (90 days), each weighted by the share of that address's buyers anywhere who buy here: a drop address serves this shop, a forwarding warehouse serves everyone.",
    whenAbsent: null,
    valueSql: `${RECENT},
      shared AS (SELECT seller_id, shipping_address_id, count(DISTINCT buyer_id) AS here FROM o WHERE shipping_address_id IS NOT NULL GROUP BY 1, 2 HAVING count(DISTINCT buyer_id) > 1),
      -- how many buyers anywhere use each shared address (90 days): one used mostly by other shops' buyers is a hub
      total AS (SELECT x.shipping_address_id, count(DISTINCT x.buyer_id) AS buyers FROM risk.orders x
                 WHERE x.shipping_address_id IN (SELECT shipping_address_id FROM shared)
                   AND x.created_at > $2::timestamptz - interval '90 days' AND x.created_at <= $2::timestamptz GROUP BY 1),
      w AS (SELECT sh.seller_id, sh.shipping_address_id, least(1.0, sh.here::float8 / greatest(t.buyers, 1)) AS w
              FROM shared sh JOIN total t USING (shipping_address_id)),
      per AS (SELECT o.seller_id, o.buyer_id, max(coalesce(w.w, 0)) AS w
                FROM o LEFT JOIN w ON w.seller_id = o.seller_id AND w.shipping_address_id = o.shipping_address_id GROUP BY 1, 2)
      SELECT seller_id, (sum(w) / count(*))::float8 AS value FROM per GROUP BY seller_id`,
    sampleSql: `SELECT o.shipping_address_id, a.city, count(DISTINCT o.buyer_id) AS buyers
        FROM risk.orders o JOIN risk.addresses a ON a.address_id = o.shipping_address_id
       WHERE o.seller_id = $1 AND o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz
       GROUP BY 1, 2 HAVING count(DISTINCT o.buyer_id) > 1 ORDER BY buyers DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "brushing.fresh_single_seller_buyers",
    title: "Share of recent buyers that are fresh accounts buying only here",
    topics: ["brushing"],
    unit: "share",
    description:
      "Buyers (90 days) whose account was under 14 days old at their first order with this seller and who never bought from anyone else.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS}),
      firsts AS (SELECT o.seller_id, o.buyer_id, min(o.created_at) AS first_at FROM risk.orders o JOIN s USING (seller_id)
                  WHERE o.created_at <= $2::timestamptz GROUP BY 1, 2
                 HAVING max(o.created_at) > $2::timestamptz - interval '90 days')
      SELECT f.seller_id,
             avg((f.first_at - u.registered_at < interval '14 days'
                  AND NOT EXISTS (SELECT 1 FROM risk.orders y WHERE y.buyer_id = f.buyer_id AND y.seller_id <> f.seller_id
                                    AND y.created_at <= $2::timestamptz))::int)::float8 AS value
        FROM firsts f JOIN risk.buyers u USING (buyer_id) GROUP BY f.seller_id`,
    sampleSql: `SELECT o.buyer_id, u.registered_at, u.email_domain, min(o.created_at) AS first_order, count(*) AS orders
        FROM risk.orders o JOIN risk.buyers u USING (buyer_id)
       WHERE o.seller_id = $1 AND o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM risk.orders y WHERE y.buyer_id = o.buyer_id AND y.seller_id <> o.seller_id)
       GROUP BY o.buyer_id, u.registered_at, u.email_domain
      HAVING min(o.created_at) - u.registered_at < interval '14 days' ORDER BY first_order DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "brushing.templated_reviews",
    sampleUntrusted: true,
    title: "Share of recent five-star reviews whose text is repeated verbatim",
    topics: ["brushing"],
    unit: "share",
    description:
      "Five-star reviews (90 days) whose exact text appears three or more times among the seller's five-star reviews.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS}),
      r AS (SELECT r.seller_id, r.body, count(*) OVER (PARTITION BY r.seller_id, r.body) AS copies
              FROM risk.reviews r JOIN s USING (seller_id)
             WHERE r.rating = 5 AND r.created_at > $2::timestamptz - interval '90 days' AND r.created_at <= $2::timestamptz)
      SELECT seller_id, avg((copies >= 3)::int)::float8 AS value FROM r GROUP BY seller_id`,
    sampleSql: `SELECT body, count(*) AS copies, min(created_at) AS first_seen, max(created_at) AS last_seen FROM risk.reviews
       WHERE seller_id = $1 AND rating = 5 AND created_at > $2::timestamptz - interval '90 days' AND created_at <= $2::timestamptz
       GROUP BY body HAVING count(*) >= 3 ORDER BY copies DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "brushing.fast_reviews",
    title: "Share of recent reviews posted within a day of delivery",
    topics: ["brushing"],
    unit: "share",
    description:
      "Reviews of delivered orders (90 days) posted less than 24 hours after delivery; genuine buyers take days.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT r.seller_id, avg((r.created_at - o.delivered_at < interval '24 hours')::int)::float8 AS value
        FROM risk.reviews r JOIN s USING (seller_id) JOIN risk.orders o ON o.order_id = r.order_id
       WHERE o.delivered_at IS NOT NULL AND r.created_at > $2::timestamptz - interval '90 days' AND r.created_at <= $2::timestamptz
       GROUP BY r.seller_id`,
  }),
];
