// Migration behaviour, shared by the PGlite and the server PostgreSQL test files.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "../../../db/migrate.js";
import { redactionSecret } from "../../../db/repositories/installation.js";
import { WAREHOUSE_COLUMNS, WAREHOUSE_TABLES } from "../../../db/warehouse-tables.js";
import { isAppError } from "../../../domain/errors.js";
import type { TestDatabase } from "../../support/engines.js";

export function migrationSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`migrations on ${engine}`, () => {
    let t: TestDatabase;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.dispose();
    });

    it("applies every migration once, records it, and is a no-op the second time", async () => {
      const names = loadMigrations().map((m) => m.name);
      expect(await migrate(t.db)).toEqual(names);
      expect(await migrate(t.db)).toEqual([]);
      const { rows } = await t.db.query<{ name: string }>(
        "SELECT name FROM casehound.schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.name)).toEqual(names);
    });

    it("checks an up-to-date database with reads only: no transaction, no lock", async () => {
      await migrate(t.db);
      let transactions = 0;
      const counted = Object.create(t.db, {
        transaction: {
          value: (...args: Parameters<typeof t.db.transaction>) => {
            transactions++;
            return t.db.transaction(...args);
          },
        },
      }) as typeof t.db;
      expect(await migrate(counted)).toEqual([]);
      expect(transactions).toBe(0);
      // A migration not yet recorded takes the locked path and is applied.
      const extra = {
        version: 9998,
        name: "9998_extra",
        checksum: "e",
        sql: "CREATE TABLE risk.extra_probe (id int);",
      };
      expect(await migrate(counted, [...loadMigrations(), extra])).toEqual(["9998_extra"]);
      expect(transactions).toBeGreaterThan(0);
    });

    it("gives each installation a random redaction secret of its own, stable once made", async () => {
      await migrate(t.db);
      const first = await redactionSecret(t.db);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await redactionSecret(t.db)).toBe(first);
      const other = await open();
      try {
        await migrate(other.db);
        expect(await redactionSecret(other.db)).not.toBe(first);
      } finally {
        await other.dispose();
      }
      await expect(
        t.db.query("INSERT INTO casehound.installation (redaction_secret) VALUES ($1)", [
          "x".repeat(64),
        ]),
      ).rejects.toThrow();
    });

    it("creates exactly the warehouse tables and columns of the contract, in order", async () => {
      await migrate(t.db);
      const { rows } = await t.db.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'risk' ORDER BY table_name, ordinal_position`,
      );
      const actual: Record<string, string[]> = {};
      for (const row of rows) {
        actual[row.table_name] = [...(actual[row.table_name] ?? []), row.column_name];
      }
      const expected = Object.fromEntries(
        WAREHOUSE_TABLES.map((table) => [table, [...WAREHOUSE_COLUMNS[table]]]),
      );
      expect(actual).toEqual(expected);
    });

    it("enables pgvector and returns vectors as number arrays", async () => {
      await migrate(t.db);
      const { rows } = await t.db.query<{ v: number[]; d: number }>(
        "SELECT '[1,2,3]'::vector AS v, '[1,0]'::vector <=> '[0,1]'::vector AS d",
      );
      expect(rows[0]?.v).toEqual([1, 2, 3]);
      expect(rows[0]?.d).toBeCloseTo(1);
    });

    it("rolls a failing migration back completely and names it", async () => {
      const good = loadMigrations();
      const broken = {
        version: 9999,
        name: "9999_broken",
        checksum: "x",
        sql: "CREATE TABLE risk.half_done (id int); SELECT no_such_function();",
      };
      let caught: unknown;
      try {
        await migrate(t.db, [...good, broken]);
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught, "migration_failed")).toBe(true);
      expect((caught as Error).message).toContain("9999_broken");
      const { rows } = await t.db.query("SELECT to_regclass('risk.half_done') AS t");
      expect(rows[0]).toEqual({ t: null });
      expect(await migrate(t.db, good)).toEqual([]);
    });

    it("refuses a migration that was edited after it was applied", async () => {
      const migrations = loadMigrations();
      await migrate(t.db, migrations);
      const edited = migrations.map((m, i) => (i === 1 ? { ...m, checksum: "changed" } : m));
      await expect(migrate(t.db, edited)).rejects.toThrow(/changed after it was applied/);
    });

    it("runs one statement at a time with parameters and rolls back failed transactions", async () => {
      await migrate(t.db);
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query(
            "INSERT INTO risk.flags VALUES ($1, 'seller', 's1', 'test', 0.5, 'r', now())",
            ["f1"],
          );
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      const { rows } = await t.db.query<{ n: number }>("SELECT count(*) AS n FROM risk.flags");
      expect(rows[0]?.n).toBe(0);
    });
  });
}
