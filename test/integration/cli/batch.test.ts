// `casehound batch` end to end on the embedded database, as a user runs it: the
// demo world's flagged sellers re-reviewed with --wait and summarised, results as
// CSV and JSON lines listing every case, an idempotent create, a file of subjects
// with a refused row, cancel (queued cases never run), and usage errors (exit 2).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../../db/pglite.js";
import { parseCsv } from "../../../server/batch/csv.js";
import { prepareWorld } from "../../support/api.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const dir = tempDir("casehound-batch-cli-");
const env = { CASEHOUND_DATA_DIR: dir, CASEHOUND_WORKERS: "2" };
const cli = (...args: string[]) => runCli(["batch", ...args], env);

async function query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const db = await openPglite(dir);
  try {
    return (await db.query<Row>(sql, params)).rows;
  } finally {
    await db.close();
  }
}

describe("casehound batch", () => {
  let flaggedTop: string[];
  let labels: Awaited<ReturnType<typeof prepareWorld>>;
  beforeAll(async () => {
    const db = await openPglite(dir);
    try {
      labels = await prepareWorld(db);
      flaggedTop = (
        await db.query<{ entity_id: string }>(
          `SELECT entity_id FROM risk.flags WHERE entity_type = 'seller'
            GROUP BY entity_id ORDER BY max(score) DESC, entity_id LIMIT 3`,
        )
      ).rows.map((r) => r.entity_id);
    } finally {
      await db.close();
    }
  });
  afterAll(() => removeDir(dir));

  let batchId: string;

  it("re-reviews the flagged sellers with --wait and prints a summary", () => {
    const run = cli("create", "--flagged", "--limit", "3", "--key", "nightly-1", "--wait");
    expect(run.code, run.stderr).toBe(0);
    batchId = /created batch ([0-9a-f-]{36}): 3 cases/.exec(run.stderr)?.[1] as string;
    expect(batchId).toBeDefined();
    // Plain progress lines when not on a terminal, ending at 3 of 3.
    expect(run.stderr).toMatch(/3\/3 settled/);
    expect(run.stdout).toMatch(new RegExp(`^batch ${batchId} finished: 3 cases — decided 3`));
    expect(run.stdout).toMatch(/decisions: \w+ \d/);
    expect(run.stdout).toContain("top subjects by risk:");
    for (const seller of flaggedTop) expect(run.stdout).toContain(`seller:${seller}`);
  });

  it("lists every case in CSV and in JSON lines, with verdict hashes", async () => {
    const csv = cli("results", batchId, "--format", "csv");
    expect(csv.code, csv.stderr).toBe(0);
    const [header, ...rows] = parseCsv(csv.stdout).map((r) => r.fields);
    expect(header).toEqual([
      "position",
      "subject",
      "state",
      "decision",
      "typology",
      "risk_score",
      "recommended_action",
      "needs_review",
      "case_id",
      "verdict_hash",
      "reason",
      "cluster",
      "review_of",
    ]);
    expect(rows.map((r) => r[1])).toEqual(flaggedTop.map((s) => `seller:${s}`));
    const jsonl = cli("results", batchId, "--format", "jsonl");
    const parsed = jsonl.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed).toHaveLength(3);
    const hashes = await query<{ case_id: string; verdict_hash: string }>(
      "SELECT case_id, verdict_hash FROM casehound.verdicts",
    );
    for (const [i, row] of parsed.entries()) {
      expect(row).toMatchObject({ position: i + 1, state: "decided", reason: null, cluster: null });
      expect(row.verdictHash).toBe(hashes.find((h) => h.case_id === row.caseId)?.verdict_hash);
      expect(rows[i]?.[8]).toBe(row.caseId);
      expect(rows[i]?.[9]).toBe(row.verdictHash);
    }
  });

  it("creates the same batch again for the same key, and refuses the key for another", async () => {
    const again = cli("create", "--flagged", "--limit", "3", "--key", "nightly-1");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(batchId);
    expect(again.stderr).toContain("0 submitted now");
    const other = cli("create", "--flagged", "--limit", "2", "--key", "nightly-1");
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/already used for a different batch/);
    const cases = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM casehound.cases WHERE source = 'batch'",
    );
    expect(cases[0]?.n).toBe(3);
    const status = cli("status", batchId, "--json");
    expect(JSON.parse(status.stdout)).toMatchObject({
      id: batchId,
      progress: { total: 3, finished: true, counts: { decided: 3 } },
    });
    expect(cli("list").stdout).toContain(batchId);
  });

  it("cancelling leaves the queued cases cancelled, and a later wait never runs them", async () => {
    const file = join(dir, "subjects.csv");
    writeFileSync(
      file,
      `subject,allegation,as_of\nseller:${flaggedTop[0]},,\nseller:slr_unknown,spot check,\nseller:${flaggedTop[1]},,1990-01-01T00:00:00Z\n`,
    );
    const created = cli("create", "--file", file);
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.trim();
    expect(created.stderr).toContain("2 submitted now, 1 refused");
    const cancelled = cli("cancel", id);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toContain("2 queued cases cancelled");
    const waited = cli("wait", id, "--json");
    expect(waited.code, waited.stderr).toBe(0);
    const { batch, summary } = JSON.parse(waited.stdout);
    expect(batch.progress).toMatchObject({ finished: true, counts: { cancelled: 2, rejected: 1 } });
    expect(summary.failed.map((f: { state: string }) => f.state)).toEqual([
      "cancelled",
      "cancelled",
      "rejected",
    ]);
    const runs = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM casehound.runs r JOIN casehound.batch_cases b ON b.case_id = r.case_id
        WHERE b.batch_id = $1`,
      [id],
    );
    expect(runs[0]?.n).toBe(0);
  });

  it("prints the ring cluster of a finished batch and names it in the results", () => {
    const primary = labels.subjects.findIndex(
      (s) => s.kind === "collusion" && s.role === "primary",
    );
    const ring = [labels.subjects[primary]?.subject.id as string];
    for (const s of labels.subjects.slice(primary + 1)) {
      if (s.role !== "ring_member") break;
      ring.push(s.subject.id);
    }
    const ordinary = labels.subjects.find((s) => s.kind === "ordinary")?.subject.id as string;
    const file = join(dir, "ring.jsonl");
    writeFileSync(
      file,
      [...ring, ordinary].map((id) => JSON.stringify({ seller_id: id })).join("\n"),
    );
    const run = cli("create", "--file", file, "--wait");
    expect(run.code, run.stderr).toBe(0);
    const id = /created batch ([0-9a-f-]{36})/.exec(run.stderr)?.[1] as string;
    expect(run.stdout).toMatch(/ring clusters \(1\):\n {2}ring_[0-9a-f]{16} — 3 sellers/);
    for (const member of ring) expect(run.stdout).toContain(`${member} (`);
    const clusterId = /(ring_[0-9a-f]{16})/.exec(run.stdout)?.[1];
    const csv = parseCsv(cli("results", id, "--format", "csv").stdout).map((r) => r.fields);
    const column = csv[0]?.indexOf("cluster") as number;
    for (const row of csv.slice(1)) {
      const seller = row[1]?.replace("seller:", "") as string;
      expect(row[column], seller).toBe(ring.includes(seller) ? clusterId : "");
    }
  });

  it("refuses bad arguments and bad files with one line and exit code 2", () => {
    const usage = (args: string[], message: RegExp) => {
      const run = cli(...args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    };
    usage(["create", "--flagged", "--min-score", "1.5"], /score from 0 to 1/);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"subject":"seller:slr_1"}\n{"subject":"slr_2"}\n');
    usage(["create", "--file", bad], /bad\.jsonl line 2: subject "slr_2" must read seller:ID/);
    usage(["status", "a/b"], /must be a batch id/);
    const missing = cli("status", "00000000-0000-0000-0000-000000000000");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no batch 00000000/);
  });
});
