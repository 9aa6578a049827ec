// Click farm: bursts of affiliate clicks from few IPs and emulated devices that
// almost never turn into purchases.
import { defineIndicator, SELLERS } from "../definition.js";

const CLICKS = `WITH s AS (${SELLERS}),
  c AS (SELECT c.seller_id, c.ip, c.device_id, c.converted_order_id, c.at FROM risk.affiliate_clicks c JOIN s USING (seller_id)
         WHERE c.at > $2::timestamptz - interval '30 days' AND c.at <= $2::timestamptz)`;

export const CLICK_FARM_INDICATORS = [
  defineIndicator({
    id: "click_farm.clicks_30d",
    title: "Affiliate clicks on the seller's listings (30 days)",
    topics: ["click_farm"],
    unit: "count",
    description: "Click volume the seller's listings received through affiliate links.",
    whenAbsent: 0,
    valueSql: `${CLICKS} SELECT seller_id, count(*)::float8 AS value FROM c GROUP BY seller_id`,
    sampleSql: `SELECT date_trunc('hour', at) AS hour, count(*) AS clicks, count(DISTINCT ip) AS ips,
             count(converted_order_id) AS conversions FROM risk.affiliate_clicks
       WHERE seller_id = $1 AND at > $2::timestamptz - interval '30 days' AND at <= $2::timestamptz
       GROUP BY 1 ORDER BY clicks DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "click_farm.clicks_per_ip",
    title: "Affiliate clicks per distinct IP address (30 days)",
    topics: ["click_farm"],
    unit: "per_ip",
    description: "Organic traffic comes from many addresses; a farm from a handful.",
    whenAbsent: null,
    valueSql: `${CLICKS} SELECT seller_id, count(*)::float8 / count(DISTINCT ip) AS value FROM c GROUP BY seller_id`,
    sampleSql: `SELECT host(ip) AS ip, count(*) AS clicks, count(DISTINCT device_id) AS devices FROM risk.affiliate_clicks
       WHERE seller_id = $1 AND at > $2::timestamptz - interval '30 days' AND at <= $2::timestamptz
       GROUP BY ip ORDER BY clicks DESC LIMIT 10`,
  }),
  defineIndicator({
    id: "click_farm.emulator_share",
    title: "Share of affiliate clicks from emulated devices (30 days)",
    topics: ["click_farm"],
    unit: "share",
    description: "Clicks from devices fingerprinted as emulators.",
    whenAbsent: null,
    valueSql: `${CLICKS} SELECT c.seller_id, avg(coalesce(d.is_emulator, false)::int)::float8 AS value
        FROM c LEFT JOIN risk.devices d USING (device_id) GROUP BY c.seller_id`,
  }),
  defineIndicator({
    id: "click_farm.conversion_rate",
    title: "Share of affiliate clicks that became an order (30 days)",
    topics: ["click_farm"],
    unit: "share",
    description:
      "Organic affiliate traffic converts a few percent of the time; farmed clicks almost never.",
    whenAbsent: null,
    valueSql: `${CLICKS} SELECT seller_id, avg((converted_order_id IS NOT NULL)::int)::float8 AS value FROM c GROUP BY seller_id`,
  }),
];
