// Migration 0014 on a database that already cached baselines per instant: each
// instant becomes a legacy snapshot holding its rows (readable, listed), and no new
// case or refresh ever uses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "../../../db/migrate.js";
import { listSnapshots, snapshotBaselines } from "../../../db/repositories/baseline-snapshots.js";
import { snapshotForCase } from "../../../tools/indicators/snapshots.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

const T = "2026-11-01T00:00:00.000Z";
const U = "2026-11-02T00:00:00.000Z";
const quantiles = (base: number) => Array.from({ length: 101 }, (_, i) => base + i);

describe("migration 0014 on baselines cached per instant", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(
      t.db,
      loadMigrations().filter((m) => m.version < 14),
    );
    for (const [indicator, scope, asOf, sellers] of [
      ["context.orders_30d", "category:beauty", T, 40],
      ["context.orders_30d", "category:toys", T, 60],
      ["brushing.new_buyer_share", "category:beauty", T, 30],
      ["context.orders_30d", "category:beauty", U, 41],
    ] as const)
      await t.db.query(
        "INSERT INTO casehound.indicator_baselines (indicator, scope, as_of, sellers, quantiles) VALUES ($1, $2, $3, $4, $5)",
        [indicator, scope, asOf, sellers, quantiles(sellers)],
      );
    await migrate(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("makes each cached instant a legacy snapshot that keeps its rows", async () => {
    const snapshots = await listSnapshots(t.db);
    expect(snapshots.map((s) => [s.as_of, s.status, s.indicators, s.sellers])).toEqual([
      [U, "legacy", 1, 41],
      [T, "legacy", 2, 100],
    ]);
    const rows = await snapshotBaselines(t.db, snapshots[1]!.id);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.scope === "category:toys")?.quantiles[50]).toBe(110);
  });

  it("never lets a case compare against a legacy snapshot", async () => {
    await t.db.query(
      "INSERT INTO risk.sellers (seller_id, shop_name, registered_at, country, category, kyc_status, status) VALUES ('slr_1', 'Shop', '2025-01-01', 'DE', 'beauty', 'verified', 'active')",
    );
    const used = await snapshotForCase(t.db, t.db, T);
    expect(used.id).not.toMatch(/^legacy-/);
    expect(used.computed).toBe(true);
    expect((await listSnapshots(t.db)).filter((s) => s.status === "legacy")).toHaveLength(2);
  });
});
