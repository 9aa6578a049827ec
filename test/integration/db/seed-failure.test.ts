import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { databaseInfo } from "../../../db/info.js";
import { migrate } from "../../../db/migrate.js";
import { openPglite } from "../../../db/pglite.js";
import { unfinishedSeeds } from "../../../db/repositories/seeds-in-progress.js";
import type { Database } from "../../../db/types.js";
import { WAREHOUSE_TABLES } from "../../../db/warehouse-tables.js";
import { firstFilledTable, seedWorld, truncateWarehouse } from "../../../world/generate.js";
import { pgliteInMemory, removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

/** Secondary indexes of the risk schema (migrations 0003, 0006 and 0013). */
const INDEXES = 25;

async function indexCounts(db: Database): Promise<{ keys: number; indexes: number }> {
  const { rows } = await db.query<{ keys: number; indexes: number }>(
    `SELECT count(*) FILTER (WHERE indexname LIKE '%_pkey') AS keys, count(*) FILTER (WHERE indexname LIKE '%_idx') AS indexes
       FROM pg_indexes WHERE schemaname = 'risk'`,
  );
  return rows[0] as { keys: number; indexes: number };
}

describe("a seed that fails part-way", () => {
  it("leaves the warehouse empty, with its keys and indexes, and can be retried", async () => {
    const t = await pgliteInMemory();
    await migrate(t.db);
    let batches = 0;
    const flaky: Database = {
      ...t.db,
      async copyIn(table, columns, payload) {
        if (++batches === 4) throw new Error("disk full");
        return t.db.copyIn(table, columns, payload);
      },
    };
    await expect(seedWorld(flaky, { size: "small", seed: 3 })).rejects.toThrow("disk full");
    for (const table of WAREHOUSE_TABLES) {
      const { rows } = await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM risk.${table}`);
      expect(rows[0]?.n, table).toBe(0);
    }
    expect(await indexCounts(t.db)).toEqual({ keys: WAREHOUSE_TABLES.length, indexes: INDEXES });
    expect(await unfinishedSeeds(t.db)).toEqual([]);
    const retry = await seedWorld(t.db, { size: "small", seed: 3 });
    expect(retry.rowCounts.orders).toBeGreaterThan(0);
    await t.dispose();
  });

  it("when its process is killed, db info and investigations say the warehouse is incomplete, and --replace repairs it", async () => {
    const dir = tempDir("casehound-killed-seed-");
    try {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "test/fixtures/seed-and-die.ts", dir],
        { encoding: "utf8", timeout: 300_000 },
      );
      expect(child.signal).toBe("SIGKILL");

      const info = runCli(["db", "info"], { CASEHOUND_DATA_DIR: dir });
      expect(info.code).toBe(0);
      expect(info.stderr).toMatch(
        /warning: the warehouse is incomplete: a small seed \(seed 3\) started at \S+ never finished; run casehound seed --replace/,
      );
      const refused = runCli(["investigate", "--subject", "seller:slr_x", "--allegation", "x"], {
        CASEHOUND_DATA_DIR: dir,
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("the warehouse is incomplete");

      const db = await openPglite(dir);
      try {
        expect((await indexCounts(db)).indexes).toBeLessThan(INDEXES); // the load had set them aside
        await truncateWarehouse(db);
        expect(await indexCounts(db)).toEqual({ keys: WAREHOUSE_TABLES.length, indexes: INDEXES });
        expect((await databaseInfo(db)).unfinishedSeeds).toEqual([]);
        expect(await firstFilledTable(db)).toBeNull();
      } finally {
        await db.close();
      }
    } finally {
      removeDir(dir);
    }
  });
});
