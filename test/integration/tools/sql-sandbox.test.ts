// The embedded engine's statement timeout: model-written SQL runs on a copy of the
// database on a worker thread, which is ended when a query outlives its timeout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { createSqlSandbox, type SqlSandbox } from "../../../tools/sql/sandbox.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

// The planner prices a recursive query at a few rows, so the cost check lets it
// through; on PGlite it then counts to a hundred million on the only thread it has.
const ENDLESS =
  "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM r WHERE r.n < 100000000) SELECT count(*) AS n FROM r";

async function addSeller(t: TestDatabase, id: string) {
  await t.db.query(
    "INSERT INTO risk.sellers (seller_id, shop_name, registered_at, country, category, kyc_status, status, description, payout_account_id) VALUES ($1, 'Shop', now(), 'DE', 'toys', 'verified', 'active', '', 'pa_1')",
    [id],
  );
}

async function markSeeded(t: TestDatabase) {
  await t.db.query(
    "INSERT INTO casehound.warehouse_seeds (generator_version, seed, size, as_of, row_counts, content_hash, seconds) VALUES ('test', 1, 'tiny', now(), '{}', 'x', 0)",
  );
}

describe("the SQL sandbox of the embedded engine", () => {
  let t: TestDatabase;
  let sandbox: SqlSandbox;
  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    await addSeller(t, "slr_a");
    await markSeeded(t);
    sandbox = createSqlSandbox(t.db);
  });
  afterAll(async () => {
    await sandbox?.close();
    await t?.dispose();
  });

  it("stops a query that outlives its timeout while the database itself keeps answering", async () => {
    const endless = sandbox.run(ENDLESS, { timeoutMs: 1_500 });
    // the copy runs on its own thread: the real database answers meanwhile
    await new Promise((resolve) => setTimeout(resolve, 200));
    const alive = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM risk.sellers");
    expect(alive.rows[0]?.n).toBe(1);
    await expect(endless).rejects.toThrow(/canceling statement due to statement timeout/);
  });

  it("answers the next query on a fresh copy, as the reader role, under the byte cap", async () => {
    const result = await sandbox.run("SELECT s.seller_id FROM risk.sellers s", {
      timeoutMs: 30_000,
    });
    expect(result).toMatchObject({
      rows: [{ seller_id: "slr_a" }],
      cut: 0,
      role: "casehound_reader",
    });
  });

  it("takes a new copy once the warehouse has been seeded again", async () => {
    await addSeller(t, "slr_b");
    const stale = await sandbox.run("SELECT count(*)::int AS n FROM risk.sellers s", {
      timeoutMs: 30_000,
    });
    expect(stale.rows).toEqual([{ n: 1 }]);
    await markSeeded(t);
    const fresh = await sandbox.run("SELECT count(*)::int AS n FROM risk.sellers s", {
      timeoutMs: 30_000,
    });
    expect(fresh.rows).toEqual([{ n: 2 }]);
  });

  it("refuses, with the planner's reason, what costs too much", async () => {
    await expect(
      sandbox.run("SELECT count(*) FROM generate_series(1, 100000000) g", { timeoutMs: 30_000 }),
    ).rejects.toThrow(/refused before running/);
  });
});
