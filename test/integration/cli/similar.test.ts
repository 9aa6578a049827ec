// `casehound similar seller:<id>` as a user runs it, on an embedded small demo
// world: bad arguments exit 2 before any database opens; with no snapshot it says
// to run `casehound baselines refresh` (exit 1); then it lists the nearest sellers,
// as a table or JSON, and an unknown seller exits 1 with one line.
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { openPglite } from "../../../db/pglite.js";
import { refreshBaselineSnapshot } from "../../../tools/indicators/snapshots.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const dir = tempDir("casehound-similar-");
const env = { CASEHOUND_DATA_DIR: dir };

describe("casehound similar", () => {
  let labels: WorldLabels;
  const planted = (kind: string) =>
    labels.subjects.filter((s) => s.kind === kind && s.role === "primary").map((s) => s.subject.id);

  beforeAll(async () => {
    const db = await openPglite(dir);
    await migrate(db);
    labels = (await seedWorld(db, { size: "small", seed: 5 })).labels;
    await db.close();
  });
  afterAll(() => removeDir(dir));

  it("refuses a bad subject, k or --as-of with one line and exit code 2, before opening a database", () => {
    const empty = tempDir("casehound-similar-empty-");
    try {
      for (const args of [
        ["similar", "slr_00042"],
        ["similar", "buyer:byr_1"],
        ["similar", "seller:slr_1", "--k", "0"],
        ["similar", "seller:slr_1", "--k", "many"],
        ["similar", "seller:slr_1", "--as-of", "yesterday"],
      ]) {
        const run = runCli(args, { CASEHOUND_DATA_DIR: empty });
        expect(run.code, args.join(" ")).toBe(2);
        expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
        expect(run.stderr).toMatch(/must be/);
      }
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      removeDir(empty);
    }
  });

  it("says to refresh the baselines when there is no snapshot", () => {
    const run = runCli(["similar", `seller:${planted("ordinary")[0]}`], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /no baseline snapshot with seller profiles .*casehound baselines refresh/,
    );
  });

  it("lists the nearest sellers with their category, distance and past verdicts", async () => {
    const db = await openPglite(dir);
    await refreshBaselineSnapshot(db, db, labels.as_of);
    await db.close();
    const seller = planted("incentive_abuse")[0] as string;
    const text = runCli(["similar", `seller:${seller}`, "--k", "3"], env);
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      new RegExp(
        `^sellers most like ${seller} \\(\\w+\\) in baseline snapshot bs-[0-9a-f-]{36} as of ${labels.as_of}:$`,
      ),
    );
    expect(lines[1]).toMatch(/^seller\s+category\s+distance\s+past verdicts$/);
    expect(lines.slice(3)).toHaveLength(3);
    for (const line of lines.slice(3)) expect(line).toMatch(/^slr_\w+\s+\w+\s+\d\.\d{3}\s+none$/);

    const json = runCli(["similar", `seller:${seller}`, "--k", "5", "--json", "--exact"], env);
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout);
    expect(answer).toMatchObject({ sellerId: seller, method: "exact", k: 5 });
    expect(answer.neighbours).toHaveLength(5);
    const ids = answer.neighbours.map((n: { sellerId: string }) => n.sellerId);
    // The world's other incentive-abuse plants are this one's three nearest.
    expect(new Set(ids.slice(0, 3))).toEqual(
      new Set(planted("incentive_abuse").filter((id) => id !== seller)),
    );
    expect(answer.queries.neighbours.sql).toMatch(/seller_profiles/);
  });

  it("exits 1 with one line for a seller the snapshot does not know", () => {
    const run = runCli(["similar", "seller:slr_nobody"], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^casehound: no seller slr_nobody in baseline snapshot/);
  });
});
