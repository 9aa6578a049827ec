import { describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { seedWorld } from "../../../db/seed/generate.js";
import { WAREHOUSE_TABLES } from "../../../db/seed/tables.js";
import type { Database } from "../../../db/types.js";
import { pgliteInMemory } from "../../support/engines.js";

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
    const { rows } = await t.db.query<{ keys: number; indexes: number }>(
      `SELECT count(*) FILTER (WHERE indexname LIKE '%_pkey') AS keys, count(*) FILTER (WHERE indexname LIKE '%_idx') AS indexes
         FROM pg_indexes WHERE schemaname = 'risk'`,
    );
    expect(rows[0]).toEqual({ keys: WAREHOUSE_TABLES.length, indexes: 23 });
    const retry = await seedWorld(t.db, { size: "small", seed: 3 });
    expect(retry.rowCounts.orders).toBeGreaterThan(0);
    await t.dispose();
  });
});
