// The guarded path on a real engine: every legitimate query, after the guard, runs
// on the seeded demo world within its row limit; and with the guard switched off,
// the READ ONLY transaction and the casehound_reader role still refuse every write
// (and the role refuses the case store).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorldLabels } from "../../../db/seed/labels.js";
import { checkSql } from "../../../tools/sql/guard.js";
import { warehousePolicy } from "../../../tools/sql/policy.js";
import { READER_ROLE, runReadOnly } from "../../../tools/sql/read-only.js";
import { LEGIT } from "../../fixtures/sql-guard/legit.js";
import { prepareWorld } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";

const WRITES = [
  "INSERT INTO risk.flags (flag_id, entity_type, entity_id, source, score, reason, created_at) VALUES ('f-x', 'seller', 's', 'test', 0, 'x', now())",
  "UPDATE risk.sellers SET status = 'active'",
  "DELETE FROM risk.enforcement_actions",
  "CREATE TABLE risk.loot (a int)",
  "WITH d AS (DELETE FROM risk.refunds RETURNING 1) SELECT count(*) FROM d",
  "SELECT * INTO risk.copy_of_orders FROM risk.orders",
  "TRUNCATE risk.flags",
];

export function sqlReadOnlySuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`guarded, read-only SQL on ${engine}`, () => {
    let t: TestDatabase;
    let labels: WorldLabels;
    beforeAll(async () => {
      t = await open();
      labels = await prepareWorld(t.db);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("runs every legitimate query the guard allows, under the reader role, within its row limit", async () => {
      const policy = warehousePolicy(200);
      const seller = labels.subjects.find((s) => s.kind === "brushing" && s.role === "primary")
        ?.subject.id as string;
      for (const sql of LEGIT) {
        const checked = await checkSql(sql.replaceAll(":seller", seller), policy);
        expect(checked.allowed, sql).toBe(true);
        if (!checked.allowed) continue;
        const result = await runReadOnly(t.db, checked.sql, { timeoutMs: 10_000 });
        expect(result.rows.length, sql).toBeLessThanOrEqual(checked.limit);
        expect(result.role).toBe(READER_ROLE);
      }
    });

    it("refuses every write in the read-only transaction even with the guard switched off", async () => {
      const before = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM risk.flags");
      for (const sql of WRITES) {
        await expect(runReadOnly(t.db, sql, { timeoutMs: 5_000 }), sql).rejects.toThrow(
          /read-only transaction|permission denied/,
        );
      }
      const after = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM risk.flags");
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    });

    it("gives the reader role no way to write the warehouse or read the case store, even outside READ ONLY", async () => {
      const asReader = (sql: string) =>
        t.db.transaction(async (tx) => {
          await tx.query(`SET LOCAL ROLE ${READER_ROLE}`);
          return tx.query(sql);
        });
      for (const sql of [
        ...WRITES,
        "SELECT * FROM casehound.api_keys",
        "SELECT * FROM casehound.audit_events",
      ])
        await expect(asReader(sql), sql).rejects.toThrow(/permission denied|must be owner/);
      const read = await asReader("SELECT count(*)::int AS n FROM risk.sellers");
      expect((read.rows[0] as { n: number }).n).toBeGreaterThan(0);
    });

    if (engine !== "PGlite")
      it("cancels a query that outlives its statement timeout", async () => {
        const started = Date.now();
        await expect(runReadOnly(t.db, "SELECT pg_sleep(5)", { timeoutMs: 200 })).rejects.toThrow(
          /statement timeout/,
        );
        expect(Date.now() - started).toBeLessThan(4_000);
      });
  });
}
