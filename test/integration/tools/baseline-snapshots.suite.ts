// Baseline snapshots on a small hand-made warehouse: one job computes every
// indicator's category baselines for an instant; an instant is computed once however
// many callers ask at the same time; a case compares against the newest complete
// snapshot at or before its as-of within the freshness window — never one from its
// future, never a stale one, never one of another world; a dead claimant's claim and
// a failed job are taken over.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { openPostgres } from "../../../db/postgres.js";
import { listSnapshots } from "../../../db/repositories/baseline-snapshots.js";
import type { Database } from "../../../db/types.js";
import { isAppError } from "../../../domain/errors.js";
import { createBaselineCache } from "../../../tools/indicators/baselines.js";
import { INDICATORS, indicatorById } from "../../../tools/indicators/catalog/index.js";
import {
  CATALOG_FINGERPRINT,
  refreshBaselineSnapshot,
  snapshotForCase,
} from "../../../tools/indicators/snapshots.js";
import { createStoredProfileReader, readDegreeProfile } from "../../../tools/links/index.js";
import type { TestDatabase } from "../../support/engines.js";

const T = "2026-06-01T00:00:00.000Z";
const at = (hours: number) => new Date(Date.parse(T) + hours * 3_600_000).toISOString();

async function smallWarehouse(db: Database): Promise<void> {
  const values: string[] = [];
  for (let i = 0; i < 12; i++) {
    const category = i % 2 === 0 ? "beauty" : "toys";
    values.push(
      `('slr_${i}', 'Shop ${i}', '2025-0${1 + (i % 9)}-01T00:00:00Z', 'DE', '${category}', 'verified', 'active')`,
    );
  }
  await db.exec(
    `INSERT INTO risk.sellers (seller_id, shop_name, registered_at, country, category, kyc_status, status) VALUES ${values.join(", ")};
     INSERT INTO risk.orders (order_id, buyer_id, seller_id, product_id, quantity, total_cents, created_at, status, payment_method)
     SELECT 'ord_' || g, 'byr_' || g, 'slr_' || (g % 5), 'prd_1', 1, 1000 + g, timestamptz '2026-05-01' + g * interval '1 hour', 'delivered', 'card'
     FROM generate_series(1, 300) g;`,
  );
}

export function baselineSnapshotSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`baseline snapshots on ${engine}`, () => {
    let t: TestDatabase;
    let computed: string[];
    const counting = { onCompute: (asOf: string) => computed.push(asOf), pollMs: 20 };

    beforeAll(async () => {
      t = await open();
      await migrate(t.db);
      await smallWarehouse(t.db);
    });
    beforeEach(async () => {
      computed = [];
      await t.db.query("DELETE FROM casehound.baseline_snapshots");
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("one refresh computes every indicator's category baselines, and a second one reuses them", async () => {
      const first = await refreshBaselineSnapshot(t.db, t.db, T, counting);
      expect(first).toMatchObject({ asOf: T, indicators: INDICATORS.length, sellers: 12 });
      expect(first.computed).toBe(true);
      const { rows } = await t.db.query<{ indicators: number; scopes: number }>(
        "SELECT count(DISTINCT indicator) AS indicators, count(DISTINCT scope) AS scopes FROM casehound.indicator_baselines WHERE snapshot_id = $1",
        [first.id],
      );
      // A share with no activity behind it in any seller (whenAbsent null) has no baseline.
      expect(Number(rows[0]?.indicators)).toBeGreaterThanOrEqual(
        INDICATORS.filter((i) => i.whenAbsent !== null).length,
      );
      expect(Number(rows[0]?.scopes)).toBe(2);
      const again = await refreshBaselineSnapshot(
        t.db,
        t.db,
        "2026-06-01T02:00:00+02:00",
        counting,
      );
      expect(again).toMatchObject({ id: first.id, asOf: T, computed: false });
      expect(computed).toEqual([T]);
    });

    it("stores the warehouse's degree profile with the snapshot, and a reader returns it as read from the warehouse", async () => {
      const snapshot = await refreshBaselineSnapshot(t.db, t.db, T, counting);
      const stored = await createStoredProfileReader(t.db)(snapshot.id);
      expect(stored).not.toBeNull();
      expect(stored).toEqual(await readDegreeProfile(t.db, T));
      // A snapshot without one (computed before it was stored) reads as null: the case reads the warehouse.
      await t.db.query(
        "UPDATE casehound.baseline_snapshots SET degree_profile = NULL WHERE id = $1",
        [snapshot.id],
      );
      expect(await createStoredProfileReader(t.db)(snapshot.id)).toBeNull();
    });

    it("concurrent refreshes of one instant compute it once", async () => {
      const all = await Promise.all(
        Array.from({ length: 4 }, () => refreshBaselineSnapshot(t.db, t.db, T, counting)),
      );
      expect(new Set(all.map((s) => s.id)).size).toBe(1);
      expect(computed).toEqual([T]);
      expect(await listSnapshots(t.db)).toHaveLength(1);
    });

    it("concurrent first cases wait for one computation and share it when it is not from their future", async () => {
      const cases = [T, at(0.5), at(1), at(2)];
      const used = await Promise.all(
        cases.map((asOf) => snapshotForCase(t.db, t.db, asOf, counting)),
      );
      expect(computed).toEqual([T]);
      for (const snapshot of used) expect(snapshot.asOf).toBe(T);
    });

    it("a case never compares against a snapshot from its future", async () => {
      const future = await refreshBaselineSnapshot(t.db, t.db, at(1), counting);
      const used = await snapshotForCase(t.db, t.db, T, counting);
      expect(used.id).not.toBe(future.id);
      expect(used.asOf).toBe(T);
      expect(computed).toEqual([at(1), T]);
    });

    it("a case takes the newest snapshot within the window and skips a stale one", async () => {
      const stale = await refreshBaselineSnapshot(t.db, t.db, at(-25), counting);
      const older = await refreshBaselineSnapshot(t.db, t.db, at(-10), counting);
      const newer = await refreshBaselineSnapshot(t.db, t.db, at(-3), counting);
      expect((await snapshotForCase(t.db, t.db, T, counting)).id).toBe(newer.id);
      expect((await snapshotForCase(t.db, t.db, at(-4), counting)).id).toBe(older.id);
      expect(
        (await snapshotForCase(t.db, t.db, at(-24), { ...counting, freshnessHours: 48 })).id,
      ).toBe(stale.id);
      expect(computed).toHaveLength(3);
      const fresh = await snapshotForCase(t.db, t.db, at(-12), { ...counting, freshnessHours: 1 });
      expect([stale.id, older.id, newer.id]).not.toContain(fresh.id);
      expect(fresh.asOf).toBe(at(-12));
      expect(computed).toHaveLength(4);
    });

    it("a snapshot of another demo world is not used once a new world is loaded", async () => {
      const before = await refreshBaselineSnapshot(t.db, t.db, T, counting);
      await t.db.query(
        "INSERT INTO casehound.warehouse_seeds (generator_version, seed, size, as_of, row_counts, content_hash, seconds) VALUES ('test', 7, 'tiny', $1, '{}', 'x', 0)",
        [T],
      );
      try {
        const after = await snapshotForCase(t.db, t.db, T, counting);
        expect(after.id).not.toBe(before.id);
        expect(computed).toEqual([T, T]);
      } finally {
        await t.db.query("DELETE FROM casehound.warehouse_seeds WHERE content_hash = 'x'");
      }
    });

    it("a case's comparisons name the snapshot and read its baselines", async () => {
      const snapshot = await refreshBaselineSnapshot(t.db, t.db, at(-1), counting);
      const cache = createBaselineCache(t.db, t.db, T, counting);
      const age = indicatorById("context.account_age_days") ?? INDICATORS[0]!;
      const { baseline, percentile } = await cache.compare(age, "beauty", 1_000_000);
      expect(baseline?.snapshot).toEqual({ id: snapshot.id, as_of: at(-1) });
      expect(baseline?.scope).toBe("category:beauty");
      expect(percentile).toBe(1);
      const none = await cache.compare(age, "garden", 3);
      expect(none).toEqual({ baseline: null, percentile: null });
      expect(computed).toEqual([at(-1)]);
    });

    it("a claim whose process died is taken over", async () => {
      await t.db.query(
        `INSERT INTO casehound.baseline_snapshots (id, as_of, catalog, status, claimed_by, heartbeat_at)
         VALUES ('bs-dead', $1, $2, 'computing', 'elsewhere:1', now() - interval '1 hour')`,
        [at(5), CATALOG_FINGERPRINT],
      );
      const snapshot = await refreshBaselineSnapshot(t.db, t.db, T, {
        ...counting,
        silentMs: 60_000,
      });
      expect(snapshot.asOf).toBe(T);
      const dead = (await listSnapshots(t.db)).find((s) => s.id === "bs-dead");
      expect(dead?.status).toBe("failed");
      expect(dead?.error).toMatch(/abandoned/);
    });

    it("a failed job is recorded as failed, reported as an AppError, and retried by the next refresh", async () => {
      const broken = {
        engine: t.db.engine,
        location: "a broken warehouse",
        query: async () => {
          throw new Error("warehouse went away");
        },
      } as unknown as Database;
      const error = await refreshBaselineSnapshot(broken, t.db, T, counting).catch((e) => e);
      expect(isAppError(error) && error.code).toBe("unavailable");
      expect(String(error.message)).toMatch(/warehouse went away/);
      const [failed] = await listSnapshots(t.db);
      expect(failed?.status).toBe("failed");
      const retried = await refreshBaselineSnapshot(t.db, t.db, T, counting);
      expect(retried.id).toBe(failed?.id);
      expect((await listSnapshots(t.db))[0]?.status).toBe("complete");
    });

    it("two processes refreshing at once, or starting their first cases at once, compute one snapshot", async (ctx) => {
      if (!t.url) return ctx.skip(); // PGlite is one process by construction (its data directory's lock)
      const other = await openPostgres(t.url);
      try {
        const both = await Promise.all([
          refreshBaselineSnapshot(t.db, t.db, T, counting),
          refreshBaselineSnapshot(other, other, T, counting),
          snapshotForCase(other, other, at(1), counting),
          snapshotForCase(t.db, t.db, at(2), counting),
        ]);
        expect(new Set(both.map((s) => s.id)).size).toBe(1);
        expect(computed).toEqual([T]);
        const { rows } = await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM casehound.baseline_snapshots",
        );
        expect(rows[0]?.n).toBe(1);
      } finally {
        await other.close();
      }
    });

    it("refuses an as-of that is not an instant, and a negative freshness", async () => {
      for (const bad of ["yesterday", "", "2026-13-45"]) {
        const error = await refreshBaselineSnapshot(t.db, t.db, bad).catch((e) => e);
        expect(isAppError(error) && error.code, bad).toBe("bad_argument");
      }
      const error = await snapshotForCase(t.db, t.db, T, { freshnessHours: -1 }).catch((e) => e);
      expect(isAppError(error) && error.code).toBe("bad_argument");
      expect(computed).toEqual([]);
    });
  });
}
