// The demo world, checked by SQL the way an analyst would look at it: every planted
// pattern stands out from the marketplace, every hard negative shows the innocent
// signature that tells it apart, and the data hangs together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import type { Database } from "../../../db/types.js";
import { WAREHOUSE_TABLES } from "../../../db/warehouse-tables.js";
import { type SeedResult, seedWorld } from "../../../world/generate.js";
import type { LabelledSubject } from "../../../world/labels.js";
import type { TestDatabase } from "../../support/engines.js";

type PerSeller = Map<string, number>;

async function perSeller(db: Database, sql: string, params: unknown[]): Promise<PerSeller> {
  const { rows } = await db.query<{ seller_id: string; value: number | string }>(sql, params);
  return new Map(rows.map((r) => [r.seller_id, Number(r.value)]));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function worldSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the small demo world on ${engine}`, () => {
    let t: TestDatabase;
    let seeded: SeedResult;
    let db: Database;
    let asOf: string;
    let labelled: Set<string>;
    const subjects = (kind: string, intensity?: string): LabelledSubject[] =>
      seeded.labels.subjects.filter(
        (s) =>
          s.kind === kind &&
          s.role === "primary" &&
          (intensity === undefined || s.intensity === intensity),
      );
    /** Values for sellers with nothing planted around them. */
    const ordinary = (values: PerSeller) =>
      [...values].filter(([id]) => !labelled.has(id)).map(([, v]) => v);

    beforeAll(async () => {
      t = await open();
      db = t.db;
      await migrate(db);
      seeded = await seedWorld(db, { size: "small", seed: 42 });
      asOf = seeded.labels.as_of;
      labelled = new Set(
        seeded.labels.subjects.filter((s) => s.kind !== "ordinary").map((s) => s.subject.id),
      );
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("loads every generated row", async () => {
      for (const table of WAREHOUSE_TABLES) {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM risk.${table}`);
        expect(rows[0]?.n, table).toBe(seeded.rowCounts[table]);
      }
      expect(seeded.rowCounts.orders).toBeGreaterThan(55_000);
    });

    it("plants every typology at both intensities and every hard negative, all flagged", async () => {
      for (const kind of [
        "brushing",
        "collusion",
        "account_takeover",
        "incentive_abuse",
        "click_farm",
      ]) {
        expect(subjects(kind, "blatant").length, kind).toBe(2);
        expect(subjects(kind, "subtle").length, kind).toBe(2);
      }
      for (const kind of ["viral_seller", "shared_office_ip", "review_bombed"])
        expect(subjects(kind).length, kind).toBe(2);
      const { rows } = await db.query<{ entity_id: string }>(
        "SELECT DISTINCT entity_id FROM risk.flags WHERE entity_type = 'seller'",
      );
      const flagged = new Set(rows.map((r) => r.entity_id));
      for (const s of seeded.labels.subjects.filter((x) => x.flagged))
        expect(flagged.has(s.subject.id)).toBe(true);
      const noise = seeded.labels.subjects.filter((s) => s.kind === "ordinary");
      expect(noise.length).toBeGreaterThan(5); // planted cases hide among ordinary flagged sellers
    });

    it("keeps the ground truth out of the database", async () => {
      const { rows } = await db.query<{ hits: number }>(
        `SELECT count(*) AS hits FROM (
           SELECT reason AS t FROM risk.flags UNION ALL SELECT reason FROM risk.enforcement_actions
           UNION ALL SELECT description FROM risk.sellers UNION ALL SELECT body FROM risk.reviews) x
          WHERE t ~* '(brushing|collusion|takeover|incentive|click.?farm|blatant|subtle|planted|hard negative)'`,
      );
      expect(rows[0]?.hits).toBe(0);
    });

    it("has no dangling references", async () => {
      const orphans = await db.query<{ name: string; n: number }>(
        `SELECT 'orders.buyer' AS name, count(*) AS n FROM risk.orders o LEFT JOIN risk.buyers b USING (buyer_id) WHERE b.buyer_id IS NULL
         UNION ALL SELECT 'orders.seller', count(*) FROM risk.orders o LEFT JOIN risk.sellers s USING (seller_id) WHERE s.seller_id IS NULL
         UNION ALL SELECT 'orders.product', count(*) FROM risk.orders o LEFT JOIN risk.products p USING (product_id) WHERE p.product_id IS NULL
         UNION ALL SELECT 'orders.device', count(*) FROM risk.orders o LEFT JOIN risk.devices d USING (device_id) WHERE d.device_id IS NULL
         UNION ALL SELECT 'orders.address', count(*) FROM risk.orders o LEFT JOIN risk.addresses a ON a.address_id = o.shipping_address_id WHERE a.address_id IS NULL
         UNION ALL SELECT 'orders.promo', count(*) FROM risk.orders o LEFT JOIN risk.promotions p USING (promo_id) WHERE o.promo_id IS NOT NULL AND p.promo_id IS NULL
         UNION ALL SELECT 'reviews.order', count(*) FROM risk.reviews r LEFT JOIN risk.orders o USING (order_id) WHERE r.order_id IS NOT NULL AND o.order_id IS NULL
         UNION ALL SELECT 'refunds.order', count(*) FROM risk.refunds r LEFT JOIN risk.orders o USING (order_id) WHERE o.order_id IS NULL
         UNION ALL SELECT 'chargebacks.order', count(*) FROM risk.chargebacks c LEFT JOIN risk.orders o USING (order_id) WHERE o.order_id IS NULL
         UNION ALL SELECT 'logins.device', count(*) FROM risk.logins l LEFT JOIN risk.devices d USING (device_id) WHERE d.device_id IS NULL
         UNION ALL SELECT 'clicks.device', count(*) FROM risk.affiliate_clicks c LEFT JOIN risk.devices d USING (device_id) WHERE d.device_id IS NULL
         UNION ALL SELECT 'clicks.order', count(*) FROM risk.affiliate_clicks c LEFT JOIN risk.orders o ON o.order_id = c.converted_order_id WHERE c.converted_order_id IS NOT NULL AND o.order_id IS NULL
         UNION ALL SELECT 'products.seller', count(*) FROM risk.products p LEFT JOIN risk.sellers s USING (seller_id) WHERE s.seller_id IS NULL`,
      );
      expect(Object.fromEntries(orphans.rows.map((r) => [r.name, r.n]))).toEqual(
        Object.fromEntries(orphans.rows.map((r) => [r.name, 0])),
      );
    });

    it("keeps time consistent: nothing after the as-of instant, no order before its buyer or seller existed", async () => {
      const { rows } = await db.query<{ future: number; early: number; undelivered: number }>(
        `SELECT (SELECT count(*) FROM risk.orders WHERE created_at >= $1::timestamptz) +
                (SELECT count(*) FROM risk.reviews WHERE created_at >= $1::timestamptz) +
                (SELECT count(*) FROM risk.logins WHERE at >= $1::timestamptz) AS future,
                (SELECT count(*) FROM risk.orders o JOIN risk.buyers b USING (buyer_id) WHERE o.created_at < b.registered_at) +
                (SELECT count(*) FROM risk.orders o JOIN risk.sellers s USING (seller_id) WHERE o.created_at < s.registered_at) AS early,
                (SELECT count(*) FROM risk.orders WHERE delivered_at < created_at) AS undelivered`,
        [asOf],
      );
      expect(rows[0]).toEqual({ future: 0, early: 0, undelivered: 0 });
    });

    it("looks like a marketplace: heavy-tailed sellers, a diurnal rhythm, varied reviews", async () => {
      const sizes = [
        ...(
          await perSeller(
            db,
            "SELECT seller_id, count(*) AS value FROM risk.orders GROUP BY seller_id",
            [],
          )
        ).values(),
      ];
      const top = quantile(sizes, 0.99);
      const median = quantile(sizes, 0.5);
      expect(top / median).toBeGreaterThan(10);
      const hours = await db.query<{ h: number; n: number }>(
        "SELECT extract(hour FROM created_at AT TIME ZONE 'UTC')::int AS h, count(*) AS n FROM risk.orders GROUP BY 1",
      );
      const byHour = new Map(hours.rows.map((r) => [r.h, r.n]));
      expect((byHour.get(20) ?? 0) / (byHour.get(4) ?? 1)).toBeGreaterThan(5);
      const reviews = await db.query<{ distinct_share: number }>(
        "SELECT count(DISTINCT body)::float8 / count(*) AS distinct_share FROM risk.reviews",
      );
      expect(reviews.rows[0]?.distinct_share).toBeGreaterThan(0.2);
    });

    it("brushing: the seller's recent buyers share devices far above the marketplace rate", async () => {
      const shares = await perSeller(
        db,
        `WITH o AS (SELECT DISTINCT seller_id, buyer_id, device_id FROM risk.orders WHERE created_at > $1::timestamptz - interval '90 days'),
              sharing AS (SELECT DISTINCT a.seller_id, a.buyer_id FROM o a JOIN o b ON a.seller_id = b.seller_id AND a.device_id = b.device_id AND a.buyer_id <> b.buyer_id)
         SELECT o.seller_id, count(DISTINCT s.buyer_id)::float8 / count(DISTINCT o.buyer_id) AS value
           FROM o LEFT JOIN sharing s ON s.seller_id = o.seller_id AND s.buyer_id = o.buyer_id
          GROUP BY o.seller_id HAVING count(DISTINCT o.buyer_id) >= 10`,
        [asOf],
      );
      const p99 = quantile(ordinary(shares), 0.99);
      for (const s of subjects("brushing"))
        expect(shares.get(s.subject.id), s.intensity ?? "").toBeGreaterThan(Math.max(0.2, 4 * p99));
      const fiveStarTemplates = await perSeller(
        db,
        `SELECT seller_id, max(n) AS value FROM (SELECT seller_id, body, count(*) AS n FROM risk.reviews WHERE rating = 5 GROUP BY 1, 2) x GROUP BY 1`,
        [],
      );
      for (const s of subjects("brushing", "blatant"))
        expect(fiveStarTemplates.get(s.subject.id)).toBeGreaterThan(8);
    });

    it("collusion: buyers use the seller's own devices or IPs, and many orders are undone", async () => {
      const overlap = await perSeller(
        db,
        `WITH seller_net AS (SELECT DISTINCT account_id AS seller_id, device_id, ip FROM risk.logins WHERE account_type = 'seller')
         SELECT o.seller_id, count(DISTINCT o.buyer_id) AS value
           FROM risk.orders o JOIN seller_net n ON n.seller_id = o.seller_id AND (n.device_id = o.device_id OR n.ip = o.ip)
          GROUP BY o.seller_id`,
        [],
      );
      const p99 = quantile(ordinary(overlap), 0.99);
      for (const s of subjects("collusion")) {
        expect(overlap.get(s.subject.id) ?? 0, s.intensity ?? "").toBeGreaterThanOrEqual(3);
        expect(overlap.get(s.subject.id) ?? 0, s.intensity ?? "").toBeGreaterThan(p99);
      }
      const undone = await perSeller(
        db,
        `SELECT seller_id, avg((status IN ('cancelled', 'refunded'))::int) AS value FROM risk.orders
          WHERE created_at > $1::timestamptz - interval '120 days' GROUP BY seller_id HAVING count(*) >= 10`,
        [asOf],
      );
      const undoneP90 = quantile(ordinary(undone), 0.9);
      for (const s of subjects("collusion", "blatant"))
        expect(undone.get(s.subject.id)).toBeGreaterThan(undoneP90);
      const shared = await db.query<{ n: number }>(
        "SELECT count(*) AS n FROM risk.sellers a JOIN risk.sellers b ON a.payout_account_id = b.payout_account_id AND a.seller_id < b.seller_id",
      );
      expect(shared.rows[0]?.n).toBeGreaterThanOrEqual(subjects("collusion", "blatant").length);
    });

    it("account takeover: a login from a new device and country, then a payout change from it", async () => {
      const takeovers = await perSeller(
        db,
        `SELECT p.seller_id, count(*) AS value FROM risk.payout_changes p
           JOIN risk.logins l ON l.account_type = 'seller' AND l.account_id = p.seller_id AND l.device_id = p.device_id
                              AND l.success AND l.at BETWEEN p.at - interval '48 hours' AND p.at
          WHERE NOT EXISTS (SELECT 1 FROM risk.logins e WHERE e.account_type = 'seller' AND e.account_id = p.seller_id
                              AND e.success AND e.at < l.at AND (e.device_id = l.device_id OR e.country = l.country))
          GROUP BY p.seller_id`,
        [],
      );
      for (const s of subjects("account_takeover"))
        expect(takeovers.get(s.subject.id), s.intensity ?? "").toBeGreaterThan(0);
      const innocent = [...takeovers.keys()].filter((id) => !labelled.has(id));
      expect(innocent).toEqual([]);
    });

    it("incentive abuse: fresh accounts on shared devices redeem a new-user promotion", async () => {
      const abuse = await perSeller(
        db,
        `WITH redemptions AS (
           SELECT o.seller_id, o.buyer_id, o.device_id FROM risk.orders o
             JOIN risk.promotions p USING (promo_id) JOIN risk.buyers b USING (buyer_id)
            WHERE p.new_users_only AND o.created_at - b.registered_at < interval '3 days')
         SELECT r.seller_id, count(DISTINCT r.buyer_id) AS value FROM redemptions r
          WHERE (SELECT count(DISTINCT x.buyer_id) FROM redemptions x WHERE x.device_id = r.device_id) >= 2
          GROUP BY r.seller_id`,
        [],
      );
      const max = Math.max(0, ...ordinary(abuse));
      for (const s of subjects("incentive_abuse"))
        expect(abuse.get(s.subject.id), s.intensity ?? "").toBeGreaterThan(Math.max(10, 3 * max));
    });

    it("click farm: many clicks per IP from emulators, almost no conversions", async () => {
      const { rows } = await db.query<{
        seller_id: string;
        clicks: number;
        per_ip: number;
        emulated: number;
        conversion: number;
      }>(
        `SELECT c.seller_id, count(*) AS clicks, count(*)::float8 / count(DISTINCT c.ip) AS per_ip,
                avg(d.is_emulator::int)::float8 AS emulated, avg((c.converted_order_id IS NOT NULL)::int)::float8 AS conversion
           FROM risk.affiliate_clicks c JOIN risk.devices d USING (device_id)
          WHERE c.at > $1::timestamptz - interval '30 days' GROUP BY c.seller_id`,
        [asOf],
      );
      const bySeller = new Map(rows.map((r) => [r.seller_id, r]));
      const ordinaryPerIp = rows.filter((r) => !labelled.has(r.seller_id)).map((r) => r.per_ip);
      for (const s of subjects("click_farm")) {
        const r = bySeller.get(s.subject.id);
        expect(r?.per_ip, s.intensity ?? "").toBeGreaterThan(10 * quantile(ordinaryPerIp, 0.99));
        expect(r?.emulated).toBeGreaterThan(0.5);
        expect(r?.conversion).toBeLessThan(0.01);
      }
    });

    it("viral seller: a spike, but from established buyers on their own devices", async () => {
      const { rows } = await db.query<{
        seller_id: string;
        recent: number;
        before: number;
        median_age_days: number;
        shared: number;
      }>(
        `SELECT o.seller_id,
                count(*) FILTER (WHERE o.created_at > $1::timestamptz - interval '14 days') AS recent,
                count(*) FILTER (WHERE o.created_at BETWEEN $1::timestamptz - interval '74 days' AND $1::timestamptz - interval '14 days') AS before,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.created_at - b.registered_at)::float8 / 86400) AS median_age_days,
                count(*) FILTER (WHERE o.device_id IN (SELECT device_id FROM risk.orders x WHERE x.seller_id = o.seller_id AND x.buyer_id <> o.buyer_id)) AS shared
           FROM risk.orders o JOIN risk.buyers b USING (buyer_id)
          WHERE o.seller_id = ANY($2) GROUP BY o.seller_id`,
        [asOf, subjects("viral_seller").map((s) => s.subject.id)],
      );
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r.recent / 14).toBeGreaterThan(5 * (r.before / 60));
        expect(r.median_age_days).toBeGreaterThan(180);
        expect(r.shared / r.recent).toBeLessThan(0.1);
      }
    });

    it("shared office IP: staff devices on one IP, colleagues who shop there are long-established", async () => {
      for (const s of subjects("shared_office_ip")) {
        const { rows } = await db.query<{ devices: number; buyers: number; youngest_days: number }>(
          `WITH office AS (SELECT ip FROM risk.logins WHERE account_type = 'seller' AND account_id = $1 GROUP BY ip ORDER BY count(DISTINCT device_id) DESC LIMIT 1)
           SELECT (SELECT count(DISTINCT device_id) FROM risk.logins WHERE account_id = $1 AND ip = (SELECT ip FROM office)) AS devices,
                  count(DISTINCT o.buyer_id) AS buyers,
                  min(extract(epoch FROM o.created_at - b.registered_at) / 86400)::float8 AS youngest_days
             FROM risk.orders o JOIN risk.buyers b USING (buyer_id)
            WHERE o.seller_id = $1 AND o.ip = (SELECT ip FROM office)`,
          [s.subject.id],
        );
        expect(rows[0]?.devices).toBeGreaterThanOrEqual(5);
        expect(rows[0]?.buyers).toBeGreaterThanOrEqual(5);
        expect(rows[0]?.youngest_days).toBeGreaterThan(180);
      }
    });

    it("review-bombed seller: a burst of one-star reviews without purchases, against a good history", async () => {
      for (const s of subjects("review_bombed")) {
        const { rows } = await db.query<{ bombs: number; earlier_avg: number }>(
          `SELECT count(*) FILTER (WHERE rating = 1 AND order_id IS NULL AND created_at > $2::timestamptz - interval '7 days') AS bombs,
                  avg(rating) FILTER (WHERE created_at < $2::timestamptz - interval '7 days')::float8 AS earlier_avg
             FROM risk.reviews WHERE seller_id = $1`,
          [s.subject.id, asOf],
        );
        expect(rows[0]?.bombs).toBeGreaterThanOrEqual(30);
        expect(rows[0]?.earlier_avg).toBeGreaterThan(3.8);
      }
    });

    it("rebuilds the secondary indexes after the bulk load", async () => {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*) AS n FROM pg_indexes WHERE schemaname = 'risk' AND indexname LIKE '%_idx'",
      );
      expect(rows[0]?.n).toBe(25); // migrations 0003, 0006 and 0013
    });

    it("refuses to seed over existing data", async () => {
      await expect(seedWorld(db, { size: "small", seed: 1 })).rejects.toThrow(/already holds data/);
    });
  });
}
