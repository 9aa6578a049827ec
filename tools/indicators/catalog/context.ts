// Context an analyst checks first: age, volume and trend, who the buyers are,
// refunds and chargebacks, past enforcement, and whether the seller is a victim.
import { defineIndicator, SELLERS } from "../definition.js";

export const CONTEXT_INDICATORS = [
  defineIndicator({
    id: "context.account_age_days",
    title: "Seller account age (days)",
    topics: ["context"],
    unit: "days",
    description:
      "Days since the seller registered. Young shops carry more risk; long-lived ones are takeover targets.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT seller_id, extract(epoch FROM $2::timestamptz - registered_at)::float8 / 86400 AS value FROM s`,
  }),
  defineIndicator({
    id: "context.orders_30d",
    title: "Orders in the last 30 days",
    topics: ["context"],
    unit: "count",
    description: "Order volume over the last 30 days.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS})
      SELECT o.seller_id, count(*)::float8 AS value FROM risk.orders o JOIN s USING (seller_id)
       WHERE o.created_at > $2::timestamptz - interval '30 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id`,
  }),
  defineIndicator({
    id: "context.volume_trend",
    title: "Order rate, last 14 days vs the 76 days before",
    topics: ["context"],
    unit: "ratio",
    description:
      "How many times faster the seller is selling now than before; a spike needs an explanation (fraud or virality).",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT o.seller_id,
             (count(*) FILTER (WHERE o.created_at > $2::timestamptz - interval '14 days')::float8 / 14)
           / (greatest(count(*) FILTER (WHERE o.created_at <= $2::timestamptz - interval '14 days'), 1)::float8 / 76) AS value
        FROM risk.orders o JOIN s USING (seller_id)
       WHERE o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id`,
    sampleSql: `SELECT date_trunc('day', created_at) AS day, count(*) AS orders, count(DISTINCT buyer_id) AS buyers
        FROM risk.orders WHERE seller_id = $1 AND created_at > $2::timestamptz - interval '21 days' AND created_at <= $2::timestamptz
       GROUP BY 1 ORDER BY 1 DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "context.established_buyer_share",
    title: "Share of recent buyers with accounts older than 180 days",
    topics: ["context", "brushing", "incentive_abuse"],
    unit: "share",
    description:
      "Diverse, long-lived buyers are the signature of genuine demand and weigh against brushing and promo abuse.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS}),
      b AS (SELECT DISTINCT o.seller_id, o.buyer_id FROM risk.orders o JOIN s USING (seller_id)
             WHERE o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz)
      SELECT b.seller_id, avg((u.registered_at < $2::timestamptz - interval '180 days')::int)::float8 AS value
        FROM b JOIN risk.buyers u USING (buyer_id) GROUP BY b.seller_id`,
  }),
  defineIndicator({
    id: "context.buyer_diversity",
    title: "Distinct buyers per order (90 days)",
    topics: ["context", "collusion"],
    unit: "ratio",
    description:
      "Close to 1 when every order comes from a different buyer; low when a few buyers keep buying.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT o.seller_id, count(DISTINCT o.buyer_id)::float8 / count(*) AS value FROM risk.orders o JOIN s USING (seller_id)
       WHERE o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id`,
  }),
  defineIndicator({
    id: "context.refund_rate_90d",
    title: "Refunded share of orders (90 days)",
    topics: ["context"],
    unit: "share",
    description: "Refunds per order over 90 days.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT o.seller_id, (count(r.refund_id)::float8 / count(DISTINCT o.order_id)) AS value
        FROM risk.orders o JOIN s USING (seller_id) LEFT JOIN risk.refunds r ON r.order_id = o.order_id
       WHERE o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id`,
  }),
  defineIndicator({
    id: "context.chargeback_rate_180d",
    title: "Charged-back share of orders (180 days)",
    topics: ["context", "account_takeover"],
    unit: "share",
    description: "Chargebacks per order over 180 days.",
    whenAbsent: null,
    valueSql: `WITH s AS (${SELLERS})
      SELECT o.seller_id, (count(c.chargeback_id)::float8 / count(DISTINCT o.order_id)) AS value
        FROM risk.orders o JOIN s USING (seller_id) LEFT JOIN risk.chargebacks c ON c.order_id = o.order_id
       WHERE o.created_at > $2::timestamptz - interval '180 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id`,
  }),
  defineIndicator({
    id: "context.prior_enforcement",
    title: "Past enforcement actions",
    topics: ["context"],
    unit: "count",
    description: "Warnings, restrictions and suspensions before this case.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS})
      SELECT e.entity_id AS seller_id, count(*)::float8 AS value FROM risk.enforcement_actions e JOIN s ON s.seller_id = e.entity_id
       WHERE e.entity_type = 'seller' AND e.created_at <= $2::timestamptz AND e.action <> 'reinstate' GROUP BY e.entity_id`,
    sampleSql: `SELECT action, reason, created_at FROM risk.enforcement_actions
       WHERE entity_type = 'seller' AND entity_id = $1 AND created_at <= $2::timestamptz ORDER BY created_at DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "context.unverified_one_star_burst",
    sampleUntrusted: true,
    title: "One-star reviews without a purchase (14 days)",
    topics: ["context"],
    unit: "count",
    description:
      "A burst of one-star reviews by people who bought nothing points at a review-bombing campaign against the seller: the seller is the victim.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS})
      SELECT r.seller_id, count(*)::float8 AS value FROM risk.reviews r JOIN s USING (seller_id)
       WHERE r.order_id IS NULL AND r.rating = 1 AND r.created_at > $2::timestamptz - interval '14 days' AND r.created_at <= $2::timestamptz
       GROUP BY r.seller_id`,
    sampleSql: `SELECT r.review_id, r.buyer_id, b.registered_at AS reviewer_registered_at, r.rating, r.body, r.created_at
        FROM risk.reviews r JOIN risk.buyers b USING (buyer_id)
       WHERE r.seller_id = $1 AND r.order_id IS NULL AND r.rating = 1 AND r.created_at > $2::timestamptz - interval '14 days'
         AND r.created_at <= $2::timestamptz ORDER BY r.created_at DESC LIMIT 10`,
  }),
];
