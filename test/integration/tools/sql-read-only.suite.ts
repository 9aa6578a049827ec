// The guarded path on a real engine: every legitimate query, after the guard, runs
// on the seeded demo world within its row limit; and with the guard switched off,
// the READ ONLY transaction and the casehound_reader role still refuse every write
// (and the role refuses the case store).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSql } from "../../../tools/sql/guard.js";
import { warehousePolicy } from "../../../tools/sql/policy.js";
import {
  DEFAULT_COST_FACTOR,
  inReaderTransaction,
  READER_ROLE,
  runReadOnly,
} from "../../../tools/sql/read-only.js";
import type { WorldLabels } from "../../../world/labels.js";
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
        await expect(
          inReaderTransaction(t.db, 5_000, (tx) => tx.query(sql)),
          sql,
        ).rejects.toThrow(/read-only transaction|permission denied/);
        // and the runner, which reads every statement as a subquery, cannot even run one
        await expect(runReadOnly(t.db, sql, { timeoutMs: 5_000 }), sql).rejects.toThrow();
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

    it("refuses before running a statement the guard allows but the planner prices at many full scans", async () => {
      const policy = warehousePolicy(200);
      const selfJoin = await checkSql(
        "SELECT count(*) AS n FROM risk.orders a JOIN risk.orders b ON a.seller_id = b.seller_id",
        policy,
      );
      expect(selfJoin.allowed).toBe(true);
      if (!selfJoin.allowed) return;
      // refused from the planner's estimate, before anything of the join ran
      await expect(runReadOnly(t.db, selfJoin.sql, { timeoutMs: 60_000 })).rejects.toThrow(
        new RegExp(`refused before running: .* over the limit .*${DEFAULT_COST_FACTOR} full scans`),
      );
      const keyed = await checkSql(
        "SELECT a.order_id FROM risk.orders a JOIN risk.orders b ON a.order_id = b.order_id",
        policy,
      );
      if (!keyed.allowed) throw new Error(keyed.reason);
      const ran = await runReadOnly(t.db, keyed.sql, { timeoutMs: 60_000 });
      expect(ran.rows.length).toBe(200);
    });

    it("returns rows only up to the byte cap, in order, and says how many it held back", async () => {
      const sql = "SELECT r.review_id, r.body FROM risk.reviews r ORDER BY r.review_id LIMIT 400";
      const whole = await runReadOnly(t.db, sql, { timeoutMs: 10_000 });
      expect(whole.cut).toBe(0);
      expect(whole.rows.length).toBe(400);
      const capped = await runReadOnly(t.db, sql, { timeoutMs: 10_000, maxBytes: 4_000 });
      expect(capped.cut).toBeGreaterThan(0);
      expect(capped.rows.length + capped.cut).toBe(400);
      expect(JSON.stringify(capped.rows).length).toBeLessThanOrEqual(
        4_000 + capped.rows.length * 2,
      );
      expect(capped.rows).toEqual(whole.rows.slice(0, capped.rows.length));
    });

    if (engine !== "PGlite") {
      it("never lets a value over the byte cap leave the server, with the guard switched off", async () => {
        // A gigabyte value once killed the process from inside the driver's socket
        // handler. Under the cap no value larger than it is ever sent; 64 MB shows the
        // mechanism at a fraction of the cost.
        const result = await runReadOnly(t.db, "SELECT format('%64000000s', 'x') AS big", {
          timeoutMs: 60_000,
        });
        expect(result).toMatchObject({ rows: [], cut: 1 });
        const alive = await t.db.query<{ n: number }>("SELECT 1 AS n");
        expect(alive.rows[0]?.n).toBe(1);
      });

      it("gives the reader role no predefined roles: other sessions' queries and server-only settings stay hidden", async () => {
        const read = await inReaderTransaction(t.db, 5_000, async (tx) => ({
          memberships: await tx.query<{ rolname: string }>(
            "SELECT r.rolname FROM pg_roles r WHERE pg_has_role(current_user, r.oid, 'USAGE') AND r.rolname LIKE 'pg\\_%'",
          ),
          settings: await tx.query(
            "SELECT setting FROM pg_settings WHERE name IN ('data_directory', 'config_file', 'hba_file')",
          ),
          queries: await tx.query<{ query: string | null }>(
            "SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query IS NOT NULL AND query <> '<insufficient privilege>'",
          ),
        }));
        expect(read.memberships.rows).toEqual([]);
        expect(read.settings.rows).toEqual([]);
        expect(read.queries.rows).toEqual([]);
      });

      it("cancels a query that outlives its statement timeout", async () => {
        const started = Date.now();
        await expect(runReadOnly(t.db, "SELECT pg_sleep(5)", { timeoutMs: 200 })).rejects.toThrow(
          /statement timeout/,
        );
        expect(Date.now() - started).toBeLessThan(4_000);
      });
    }
  });
}
