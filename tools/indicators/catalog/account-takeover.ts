// Account takeover: a login from a device and a country the account never used,
// failed attempts before it, the payout account changed from that device, and
// high-value listings whose orders are never delivered.
import { defineIndicator, SELLERS } from "../definition.js";

/**
 * Successful seller logins in the last 30 days from a device never used before, on
 * accounts with an established history (a new shop's first logins are not novel),
 * weighted (`w`): 1 when the country is new too, 0.5 when it is the account's own —
 * a takeover from the seller's own country is still a takeover.
 */
const NOVEL_LOGINS = `WITH s AS (${SELLERS}),
  novel AS (SELECT l.account_id AS seller_id, l.at, l.device_id, l.country, l.ip,
                   CASE WHEN EXISTS (SELECT 1 FROM risk.logins c WHERE c.account_type = 'seller' AND c.account_id = l.account_id
                                       AND c.success AND c.at < l.at AND c.country = l.country)
                        THEN 0.5 ELSE 1.0 END::float8 AS w
              FROM risk.logins l JOIN s ON s.seller_id = l.account_id
             WHERE l.account_type = 'seller' AND l.success AND l.at > $2::timestamptz - interval '30 days' AND l.at <= $2::timestamptz
               AND (SELECT count(*) FROM risk.logins h WHERE h.account_type = 'seller' AND h.account_id = l.account_id
                      AND h.success AND h.at < l.at - interval '30 days') >= 5
               AND NOT EXISTS (SELECT 1 FROM risk.logins e WHERE e.account_type = 'seller' AND e.account_id = l.account_id
                                 AND e.success AND e.at < l.at AND e.device_id = l.device_id))`;

/** The seller's median listing price before the last 30 days: what "expensive for this shop" is measured against. */
const USUAL_PRICE = `WITH s AS (${SELLERS}),
  usual AS (SELECT p.seller_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY p.price_cents) AS median
              FROM risk.products p JOIN s USING (seller_id) WHERE p.listed_at <= $2::timestamptz - interval '30 days' GROUP BY p.seller_id)`;

export const ACCOUNT_TAKEOVER_INDICATORS = [
  defineIndicator({
    id: "account_takeover.novel_login",
    title: "Logins from a new device (30 days; in a new country count 1, in the account's own 0.5)",
    topics: ["account_takeover"],
    unit: "count",
    description:
      "Successful logins from a device the account had never used successfully before; one from a country it never used either counts fully, one from its own country half.",
    whenAbsent: 0,
    valueSql: `${NOVEL_LOGINS} SELECT seller_id, sum(w)::float8 AS value FROM novel GROUP BY seller_id`,
    sampleSql: `SELECT l.at, l.device_id, host(l.ip) AS ip, l.country, l.success FROM risk.logins l
       WHERE l.account_type = 'seller' AND l.account_id = $1 AND l.at > $2::timestamptz - interval '30 days' AND l.at <= $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM risk.logins e WHERE e.account_type = 'seller' AND e.account_id = l.account_id
                           AND e.success AND e.at < $2::timestamptz - interval '30 days' AND e.device_id = l.device_id)
       ORDER BY l.at LIMIT 10`,
  }),
  defineIndicator({
    id: "account_takeover.payout_change_after_novel_login",
    title: "Payout account changes from a newly seen device within 48 hours of its login",
    topics: ["account_takeover"],
    unit: "count",
    description:
      "The cash-out step: the payout account is changed from the new device soon after it logged in (weighted as that login: half when the country is the account's own).",
    whenAbsent: 0,
    valueSql: `${NOVEL_LOGINS}
      SELECT seller_id, sum(w)::float8 AS value FROM (
        SELECT n.seller_id, p.change_id, max(n.w) AS w FROM novel n JOIN risk.payout_changes p
            ON p.seller_id = n.seller_id AND p.device_id = n.device_id AND p.at BETWEEN n.at AND n.at + interval '48 hours'
         GROUP BY n.seller_id, p.change_id) changes
       GROUP BY seller_id`,
    sampleSql: `SELECT change_id, old_account_id, new_account_id, at, device_id, host(ip) AS ip FROM risk.payout_changes
       WHERE seller_id = $1 AND at > $2::timestamptz - interval '30 days' AND at <= $2::timestamptz ORDER BY at DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "account_takeover.failed_logins_new_device",
    title: "Failed logins from devices never used successfully before (30 days)",
    topics: ["account_takeover"],
    unit: "count",
    description: "Password guessing or credential stuffing ahead of a takeover.",
    whenAbsent: 0,
    valueSql: `WITH s AS (${SELLERS})
      SELECT l.account_id AS seller_id, count(*)::float8 AS value FROM risk.logins l JOIN s ON s.seller_id = l.account_id
       WHERE l.account_type = 'seller' AND NOT l.success AND l.at > $2::timestamptz - interval '30 days' AND l.at <= $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM risk.logins e WHERE e.account_type = 'seller' AND e.account_id = l.account_id
                           AND e.success AND e.device_id = l.device_id AND e.at < $2::timestamptz - interval '30 days')
       GROUP BY l.account_id`,
  }),
  defineIndicator({
    id: "account_takeover.high_value_new_listings",
    sampleUntrusted: true,
    title: "New listings (30 days) priced over five times the seller's usual price",
    topics: ["account_takeover"],
    unit: "count",
    description: "A takeover lists expensive goods (electronics, gift cards) it will never ship.",
    whenAbsent: 0,
    valueSql: `${USUAL_PRICE}
      SELECT p.seller_id, count(*)::float8 AS value FROM risk.products p JOIN usual u USING (seller_id)
       WHERE p.listed_at > $2::timestamptz - interval '30 days' AND p.listed_at <= $2::timestamptz AND p.price_cents > 5 * u.median
       GROUP BY p.seller_id`,
    sampleSql: `SELECT product_id, title, category, price_cents, listed_at FROM risk.products
       WHERE seller_id = $1 AND listed_at > $2::timestamptz - interval '30 days' AND listed_at <= $2::timestamptz
       ORDER BY price_cents DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "account_takeover.undelivered_high_value_orders",
    sampleUntrusted: true,
    title: "Undelivered orders on high-value listings created in the last 30 days",
    topics: ["account_takeover"],
    unit: "count",
    description: "Buyers paid for the new expensive listings; nothing was delivered.",
    whenAbsent: 0,
    valueSql: `${USUAL_PRICE}
      SELECT o.seller_id, count(*)::float8 AS value FROM risk.orders o JOIN usual u USING (seller_id) JOIN risk.products p USING (product_id)
       WHERE p.listed_at > $2::timestamptz - interval '30 days' AND p.price_cents > 5 * u.median
         AND o.created_at < $2::timestamptz - interval '1 day' AND o.delivered_at IS NULL AND o.status IN ('pending', 'shipped')
       GROUP BY o.seller_id`,
    sampleSql: `SELECT o.order_id, o.buyer_id, p.title, o.total_cents, o.status, o.created_at FROM risk.orders o JOIN risk.products p USING (product_id)
       WHERE o.seller_id = $1 AND p.listed_at > $2::timestamptz - interval '30 days' AND o.delivered_at IS NULL
         AND o.created_at <= $2::timestamptz ORDER BY o.total_cents DESC LIMIT 10`,
  }),
];
