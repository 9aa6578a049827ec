// `casehound baselines refresh|list` as a user runs them, on an embedded database
// holding a few sellers: bad arguments exit 2 before any database opens; a refresh
// computes the instant's snapshot once and says so; the default instant is the
// seeded world's as-of; list shows them newest first, as text or JSON.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { openPglite } from "../../../db/pglite.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const dir = tempDir("casehound-baselines-");
const env = { CASEHOUND_DATA_DIR: dir };
const WORLD = "2026-11-01T00:00:00.000Z";

describe("casehound baselines", () => {
  beforeAll(async () => {
    const db = await openPglite(dir);
    await migrate(db);
    await db.exec(
      `INSERT INTO risk.sellers (seller_id, shop_name, registered_at, country, category, kyc_status, status)
       SELECT 'slr_' || g, 'Shop ' || g, timestamptz '2025-01-01' + g * interval '9 days', 'DE',
              CASE WHEN g % 3 = 0 THEN 'toys' ELSE 'beauty' END, 'verified', 'active'
       FROM generate_series(1, 30) g;`,
    );
    await db.close();
  });
  afterAll(() => removeDir(dir));

  it("refuses a bad --as-of or --limit with one line and exit code 2, before opening a database", () => {
    const empty = tempDir("casehound-baselines-empty-");
    try {
      for (const args of [
        ["baselines", "refresh", "--as-of", "yesterday"],
        ["baselines", "refresh", "--as-of", "2026-02-30T99:00:00Z"],
        ["baselines", "list", "--limit", "0"],
        ["baselines", "list", "--limit", "many"],
      ]) {
        const run = runCli(args, { CASEHOUND_DATA_DIR: empty });
        expect(run.code, args.join(" ")).toBe(2);
        expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
        expect(run.stderr).toMatch(/must be/);
      }
      expect(readdirSync(empty)).toEqual([]); // no database was opened
    } finally {
      removeDir(empty);
    }
  });

  it("computes an instant's snapshot once, defaults to the seeded world's as-of, and lists newest first", async () => {
    const first = runCli(["baselines", "refresh", "--as-of", "2026-10-01T00:00:00Z"], env);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^computed baseline snapshot bs-[0-9a-f-]{36} as of 2026-10-01T00:00:00\.000Z: \d+ indicators over 30 sellers in [\d.]+ s$/m,
    );
    const again = runCli(
      ["baselines", "refresh", "--as-of", "2026-10-01T02:00:00+02:00", "--json"],
      env,
    );
    expect(again.code).toBe(0);
    const reused = JSON.parse(again.stdout) as { id: string; computed: boolean; sellers: number };
    expect(reused.computed).toBe(false);
    expect(first.stdout).toContain(reused.id);
    expect(reused.sellers).toBe(30);

    const db = await openPglite(dir);
    await db.query(
      "INSERT INTO casehound.warehouse_seeds (generator_version, seed, size, as_of, row_counts, content_hash, seconds) VALUES ('test', 1, 'tiny', $1, '{}', 'x', 0)",
      [WORLD],
    );
    await db.close();
    const seeded = runCli(["baselines", "refresh"], env);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain(`as of ${WORLD}`);

    const listed = runCli(["baselines", "list", "--json"], env);
    expect(listed.code).toBe(0);
    const all = JSON.parse(listed.stdout) as { as_of: string; status: string; current: boolean }[];
    expect(all.map((s) => [s.as_of, s.status, s.current])).toEqual([
      [WORLD, "complete", true],
      ["2026-10-01T00:00:00.000Z", "complete", true],
    ]);
    const text = runCli(["baselines", "list"], env);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toMatch(/^snapshot\s+as of\s+status\s+indicators\s+sellers/);
    expect(text.stdout.indexOf(WORLD)).toBeLessThan(text.stdout.indexOf("2026-10-01"));
  }, 180_000);

  it("says a warehouse without sellers has no baselines (exit 1, one line)", () => {
    const empty = tempDir("casehound-baselines-none-");
    try {
      const run = runCli(["baselines", "refresh"], { CASEHOUND_DATA_DIR: empty });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/holds no sellers/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const listed = runCli(["baselines", "list", "--json"], { CASEHOUND_DATA_DIR: empty });
      expect(JSON.parse(listed.stdout)).toMatchObject([{ status: "failed" }]);
    } finally {
      removeDir(empty);
    }
  }, 120_000);
});
