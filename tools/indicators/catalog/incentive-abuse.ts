// Incentive abuse: fresh accounts redeeming a new-user promotion from a few shared
// devices, then cancelling or refunding once the credit is paid.
import { defineIndicator, SELLERS } from "../definition.js";

/**
 * New-user promotion orders (90 days) by young accounts, each weighted by how fresh
 * the account was (`f`): fully under three days old, fading linearly to nothing at
 * fourteen, so a farm that ages its accounts a few days past a cut-off is still seen.
 */
const FRESH_REDEMPTIONS = `WITH s AS (${SELLERS}),
  fresh AS (SELECT o.seller_id, o.order_id, o.buyer_id, o.device_id, o.status,
                   least(1.0, greatest(0.0, extract(epoch FROM (interval '14 days' - (o.created_at - b.registered_at)))
                                              / extract(epoch FROM interval '11 days')))::float8 AS f
              FROM risk.orders o JOIN s USING (seller_id)
              JOIN risk.promotions p USING (promo_id) JOIN risk.buyers b USING (buyer_id)
             WHERE p.new_users_only AND o.created_at - b.registered_at < interval '14 days'
               AND o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz)`;

export const INCENTIVE_ABUSE_INDICATORS = [
  defineIndicator({
    id: "incentive_abuse.fresh_promo_redemptions",
    title:
      "New-user promotion redemptions by fresh accounts (90 days; under 3 days old count fully, fading to 14)",
    topics: ["incentive_abuse"],
    unit: "count",
    description: "Accounts created just to redeem a welcome offer at this seller.",
    whenAbsent: 0,
    valueSql: `${FRESH_REDEMPTIONS} SELECT seller_id, sum(f)::float8 AS value FROM fresh GROUP BY seller_id`,
    sampleSql: `SELECT o.order_id, o.buyer_id, b.registered_at, o.created_at, p.code, o.status, o.device_id
        FROM risk.orders o JOIN risk.promotions p USING (promo_id) JOIN risk.buyers b USING (buyer_id)
       WHERE o.seller_id = $1 AND p.new_users_only AND o.created_at - b.registered_at < interval '14 days'
         AND o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz ORDER BY o.created_at DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "incentive_abuse.fresh_promo_share",
    title:
      "Share of recent orders that are new-user promotion redemptions by fresh accounts (weighted by freshness)",
    topics: ["incentive_abuse"],
    unit: "share",
    description:
      "The count relative to the seller's volume: a large shop sees many genuine newcomers; a farm's redemptions are a large part of a shop's orders.",
    whenAbsent: null,
    valueSql: `${FRESH_REDEMPTIONS},
      total AS (SELECT o.seller_id, count(*) AS n FROM risk.orders o JOIN s USING (seller_id)
                 WHERE o.created_at > $2::timestamptz - interval '90 days' AND o.created_at <= $2::timestamptz GROUP BY o.seller_id)
      SELECT t.seller_id, coalesce((SELECT sum(x.f) FROM fresh x WHERE x.seller_id = t.seller_id), 0)::float8 / t.n AS value FROM total t`,
  }),
  defineIndicator({
    id: "incentive_abuse.redeemer_device_sharing",
    title: "Share of fresh promotion redeemers sharing a device with another redeemer",
    topics: ["incentive_abuse"],
    unit: "share",
    description: "Welcome offers redeemed again and again from the same few phones.",
    whenAbsent: null,
    valueSql: `${FRESH_REDEMPTIONS}
      SELECT x.seller_id, (sum(x.f * (EXISTS (SELECT 1 FROM fresh g WHERE g.seller_id = x.seller_id AND g.device_id = x.device_id
                                      AND g.buyer_id <> x.buyer_id))::int) / nullif(sum(x.f), 0))::float8 AS value
        FROM fresh x GROUP BY x.seller_id`,
  }),
  defineIndicator({
    id: "incentive_abuse.fresh_promo_undo_rate",
    title: "Cancelled or refunded share of fresh promotion redemptions",
    topics: ["incentive_abuse"],
    unit: "share",
    description: "Orders undone after the promotion credit was paid.",
    whenAbsent: null,
    valueSql: `${FRESH_REDEMPTIONS}
      SELECT seller_id, (sum(f * (status IN ('cancelled', 'refunded'))::int) / nullif(sum(f), 0))::float8 AS value FROM fresh GROUP BY seller_id`,
  }),
];
