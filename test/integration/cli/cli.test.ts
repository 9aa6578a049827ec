import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../../db/pglite.js";
import { latestVerdict } from "../../../db/repositories/runs.js";
import { buildReport } from "../../../domain/report/build.js";
import { reportText } from "../../../domain/report/text.js";
import { readLabels } from "../../../world/labels.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { BIN, runCli, runCliAsync } from "../../support/run-cli.js";

const dir = tempDir("casehound-cli-");
afterAll(() => removeDir(dir));

function expectUsageError(args: string[], message: RegExp, env: Record<string, string> = {}) {
  const run = runCli(args, { CASEHOUND_DATA_DIR: dir, ...env });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("the casehound command", () => {
  it("rejects an unknown world size with a one-line error and exit code 2", () => {
    expectUsageError(["seed", "--size", "huge"], /Allowed choices are small, medium, large/);
  });

  it("rejects a seed that is not a whole number", () => {
    expectUsageError(["seed", "--seed", "-5"], /must be a whole number/);
    expectUsageError(["seed", "--seed", "1e3"], /must be a whole number/);
  });

  it("rejects unknown commands and options", () => {
    expectUsageError(["frobnicate"], /unknown command 'frobnicate'/);
    expectUsageError(["db", "info", "--colour"], /unknown option '--colour'/);
  });

  it("rejects a malformed subject, a missing allegation and an unknown typology hint", () => {
    expectUsageError(
      ["investigate", "--subject", "slr_1", "--allegation", "x"],
      /must be seller:ID, buyer:ID or order:ID/,
    );
    expectUsageError(
      ["investigate", "--subject", "seller:a b", "--allegation", "x"],
      /must be seller:ID/,
    );
    expectUsageError(
      ["investigate", "--subject", "seller:slr_1"],
      /required option '--allegation <text>' not specified/,
    );
    expectUsageError(
      ["investigate", "--subject", "seller:slr_1", "--allegation", "   "],
      /--allegation must be 1 to 4000 characters/,
    );
    expectUsageError(
      ["investigate", "--subject", "seller:slr_1", "--allegation", "x", "--hint", "arson"],
      /Allowed choices are brushing/,
    );
    expectUsageError(
      ["investigate", "--subject", "seller:slr_1", "--allegation", "x", "--as-of", "yesterday"],
      /ISO date-time/,
    );
    expectUsageError(["eval", "--size", "large"], /Allowed choices are small, medium/);
  });

  it("refuses a labels path it cannot write before seeding anything", () => {
    const notADirectory = join(dir, "a-file");
    writeFileSync(notADirectory, "x");
    expectUsageError(
      ["seed", "--labels", join(notADirectory, "labels.json")],
      /cannot write the labels file .*a-file\/labels.json/,
    );
    expect(existsSync(join(dir, "pgdata"))).toBe(false); // nothing was seeded
  });

  it("refuses a labels path that is a directory or an existing file (without --replace) before seeding anything", () => {
    const existing = join(dir, "earlier-truth.json");
    writeFileSync(existing, "{}");
    expectUsageError(
      ["seed", "--labels", existing],
      /earlier-truth.json: it already exists; pass --replace/,
    );
    expectUsageError(
      ["seed", "--labels", dir],
      /cannot write the labels file .*: it is a directory/,
    );
    expect(readFileSync(existing, "utf8")).toBe("{}");
    expect(existsSync(join(dir, "pgdata"))).toBe(false); // nothing was seeded
  });

  it("refuses a data directory that is a file, under a file or under /proc, at once and in one line", () => {
    const file = join(dir, "not-a-dir");
    writeFileSync(file, "x");
    expectUsageError(["db", "info"], /data directory .*not-a-dir is a file, not a directory/, {
      CASEHOUND_DATA_DIR: file,
    });
    expectUsageError(
      ["db", "info"],
      /data directory .*not-a-dir\/sub is under .*not-a-dir, a file/,
      {
        CASEHOUND_DATA_DIR: join(file, "sub"),
      },
    );
    const started = Date.now();
    expectUsageError(
      ["db", "info"],
      /data directory \/proc\/xyz is on a kernel pseudo-filesystem/,
      {
        CASEHOUND_DATA_DIR: "/proc/xyz",
      },
    );
    expect(Date.now() - started).toBeLessThan(60_000); // it used to hang for ever
  });

  it("rejects a bad environment naming the variable", () => {
    expectUsageError(["db", "info"], /DATABASE_URL must be a postgres/, {
      DATABASE_URL: "mysql://localhost/x",
    });
  });

  it("seeds the small world into an empty data directory, writes the labels beside it, and reports it", async () => {
    const labels = join(dir, "truth.json");
    const seeded = runCli(["seed", "--size", "small", "--seed", "7", "--labels", labels], {
      CASEHOUND_DATA_DIR: dir,
    });
    expect(seeded.stderr).not.toMatch(/error/i);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("seeded the small world (seed 7)");
    expect(
      readLabels(labels).subjects.filter((s) => s.typology === "brushing").length,
    ).toBeGreaterThan(0);

    const info = runCli(["db", "info", "--json"], { CASEHOUND_DATA_DIR: dir });
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as {
      rowCounts: Record<string, number>;
      seeds: { seed: number }[];
    };
    expect(parsed.rowCounts.orders).toBeGreaterThan(50_000);
    expect(parsed.seeds.map((s) => s.seed)).toEqual([7]);

    const verdict = runCli(
      ["investigate", "--subject", "seller:slr_nobody", "--allegation", "test", "--json"],
      { CASEHOUND_DATA_DIR: dir },
    );
    expect(verdict.code).toBe(0);
    expect(verdict.stderr).not.toMatch(/^step \d+/m); // piped and --json: no progress
    expect(JSON.parse(verdict.stdout).verdict).toMatchObject({
      decision: "insufficient_evidence",
      reason: "seller slr_nobody is not in the warehouse",
    });

    const planted = readLabels(labels).subjects.find(
      (s) => s.kind === "brushing" && s.intensity === "blatant",
    );
    const report = runCli(
      ["investigate", "--subject", `seller:${planted?.subject.id}`, "--allegation", "fake reviews"],
      { CASEHOUND_DATA_DIR: dir },
    );
    expect(report.code).toBe(0);
    // Plain text for a terminal: no Markdown marks, no escapes.
    expect(report.stdout).toContain("Decision: fraud — brushing");
    expect(report.stdout).toContain("Evidence\n--------");
    expect(report.stdout).not.toMatch(/\*\*|\\_|^#/m);
    const caseId = /stored as case ([0-9a-f-]{36})/.exec(report.stderr)?.[1];
    expect(caseId).toBeDefined();

    const verified = runCli(["audit", "verify", caseId!, "--json"], { CASEHOUND_DATA_DIR: dir });
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ case_id: caseId, ok: true });
    expect(JSON.parse(verified.stdout).events).toBeGreaterThan(20);

    // The stored report is the one the CLI printed: one builder, and evidence and steps
    // in pipeline order whatever order the database gives them back in.
    const store = await openPglite(dir);
    const stored = await latestVerdict(store, caseId!);
    await store.close();
    expect(reportText(buildReport({ verdict: stored!.verdict, evidence: stored!.evidence }))).toBe(
      report.stdout,
    );

    const replayed = runCli(["replay", caseId!], { CASEHOUND_DATA_DIR: dir });
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toMatch(
      /replayed from \d+ recorded answers, \d+ steps compared; verdict identical: decision hash [0-9a-f]{16}…/,
    );
    // The verdict hash it also names is the one the API shows and reviews bind to.
    expect(replayed.stdout).toContain(`verdict hash ${stored!.verdictHash.slice(0, 16)}…`);

    const approved = runCli(
      ["review", caseId!, "--reviewer", "ana", "--approve", "--reason", "checked the rows"],
      { CASEHOUND_DATA_DIR: dir },
    );
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/approved by ana/);
    expectUsageError(
      ["review", caseId!, "--reviewer", "ana", "--reason", "x"],
      /exactly one of --approve or --override/,
      { CASEHOUND_DATA_DIR: dir },
    );

    const all = runCli(["replay", "--all"], { CASEHOUND_DATA_DIR: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/(\d+) of \1 cases replayed identically/);
    expectUsageError(["replay"], /give a case id or --all/, { CASEHOUND_DATA_DIR: dir });

    // One character changed in one stored event (bypassing the append-only trigger as
    // an intruder with superuser rights would): verify and replay both fail, naming it.
    const db = await openPglite(dir);
    const target = await db.query<{ seq: number }>(
      "SELECT seq FROM casehound.audit_events WHERE case_id = $1 AND kind = 'evidence_added' ORDER BY seq LIMIT 1",
      [caseId],
    );
    const seq = target.rows[0]!.seq;
    await db.exec("ALTER TABLE casehound.audit_events DISABLE TRIGGER USER");
    await db.query(
      "UPDATE casehound.audit_events SET payload = jsonb_set(payload, '{summary}', to_jsonb(overlay(payload->>'summary' placing 'X' from 1 for 1))) WHERE case_id = $1 AND seq = $2",
      [caseId, seq],
    );
    await db.exec("ALTER TABLE casehound.audit_events ENABLE TRIGGER USER");
    await db.close();
    const tampered = runCli(["audit", "verify", caseId!], { CASEHOUND_DATA_DIR: dir });
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`chain BROKEN at event ${seq} of`);
    const replayTampered = runCli(["replay", caseId!], { CASEHOUND_DATA_DIR: dir });
    expect(replayTampered.code).toBe(1);
    expect(replayTampered.stdout).toContain(`audit chain BROKEN at event ${seq}`);

    const missing = runCli(["audit", "verify", "no-such-case"], { CASEHOUND_DATA_DIR: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no stored case no-such-case");

    const again = runCli(["seed", "--size", "small"], { CASEHOUND_DATA_DIR: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data.*--replace/);
    expect(existsSync(join(dir, "labels.json"))).toBe(false);
  }, 300_000); // a dozen processes, one of them seeding a world

  it("refuses an as-of past or before the seeded warehouse's data (exit 2, one line, naming the range)", () => {
    const planted = readLabels(join(dir, "truth.json")).subjects.find(
      (s) => s.kind === "brushing" && s.intensity === "blatant",
    );
    // An as-of past the warehouse's data (or before it) is refused, naming the range.
    for (const asOf of ["9999-12-31T23:59:59Z", "2001-01-01T00:00:00Z"])
      expectUsageError(
        [
          "investigate",
          "--subject",
          `seller:${planted?.subject.id}`,
          "--allegation",
          "x",
          "--as-of",
          asOf,
        ],
        /outside the warehouse's data: it must be between \S+ and \S+/,
      );
  });

  it("hands an investigation to the server holding the data directory, and runs it alone once the server stops", async () => {
    const planted = readLabels(join(dir, "truth.json")).subjects.find(
      (s) => s.kind === "brushing" && s.intensity === "blatant",
    );
    const investigate = [
      "investigate",
      "--subject",
      `seller:${planted?.subject.id}`,
      "--allegation",
      "fake reviews, asked while the server runs",
      "--json",
    ];
    const server = spawn(process.execPath, [BIN, "serve", "--port", "0", "--no-seed"], {
      env: { ...process.env, DATABASE_URL: "", CASEHOUND_DATA_DIR: dir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = "";
        server.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("casehound API listening on")) resolve();
        });
        server.once("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      server.stderr.resume();
      const endpoint = join(dir, "casehound.serve.json");
      expect(statSync(endpoint).mode & 0o777).toBe(0o600);

      // Any other command still meets the lock; investigate goes through the server.
      const locked = runCli(["db", "info"], { CASEHOUND_DATA_DIR: dir });
      expect(locked.code).not.toBe(0);
      expect(locked.stderr).toMatch(/serve/);
      const handed = await runCliAsync(investigate, { CASEHOUND_DATA_DIR: dir });
      expect(handed.stderr).toMatch(
        new RegExp(`stored by the running server \\(pid ${server.pid}\\) as case [0-9a-f-]{36}`),
      );
      expect(handed.code).toBe(0);
      const { verdict, evidence } = JSON.parse(handed.stdout);
      expect(verdict).toMatchObject({ decision: "fraud" });
      expect(evidence.length).toBeGreaterThan(5);
      // The same idempotency key through the server is the same case.
      const keyed = [...investigate, "--idempotency-key", "ticket-77"];
      const first = await runCliAsync(keyed, { CASEHOUND_DATA_DIR: dir });
      const second = await runCliAsync(keyed, { CASEHOUND_DATA_DIR: dir });
      const caseOf = (stderr: string) => /as case ([0-9a-f-]{36})/.exec(stderr)?.[1];
      expect(caseOf(second.stderr)).toBe(caseOf(first.stderr));
      expect(second.stderr).toMatch(/^already submitted; /);

      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      expect(existsSync(endpoint)).toBe(false);
    } finally {
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    const alone = runCli(investigate, { CASEHOUND_DATA_DIR: dir });
    expect(alone.code).toBe(0);
    expect(alone.stderr).toMatch(/^stored as case/m);
  }, 300_000);
});
