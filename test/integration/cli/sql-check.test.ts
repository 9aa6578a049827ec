// `casehound sql check`: a JSON array of SQL strings in, {allowed, reason} out, in order.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const BIN = fileURLToPath(new URL("../../../bin/casehound.js", import.meta.url));
const STATEMENTS = [
  "SELECT o.seller_id, count(*) FROM risk.orders o GROUP BY o.seller_id",
  "SELECT 1; DROP TABLE risk.orders",
  "SELECT pg_sleep(10)",
  7,
  "SELECT * FROM casehound.api_keys",
  "WITH d AS (DELETE FROM risk.orders RETURNING *) SELECT count(*) FROM d",
];

describe("casehound sql check", () => {
  const dir = tempDir("casehound-sql-");
  afterAll(() => removeDir(dir));

  it("answers each statement of a file in order, and the same from standard input", () => {
    const file = join(dir, "statements.json");
    writeFileSync(file, JSON.stringify(STATEMENTS));
    const fromFile = runCli(["sql", "check", file]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    const answers = JSON.parse(fromFile.stdout) as { allowed: boolean; reason: string }[];
    expect(answers.map((a) => a.allowed)).toEqual([true, false, false, false, false, false]);
    expect(answers[1]?.reason).toMatch(/exactly one statement/);
    expect(answers[2]?.reason).toMatch(/pg_sleep/);
    expect(answers[4]?.reason).toMatch(/schema casehound/);
    expect(answers[5]?.reason).toMatch(/DeleteStmt/);
    for (const answer of answers) expect(Object.keys(answer).sort()).toEqual(["allowed", "reason"]);

    const fromStdin = spawnSync(process.execPath, [BIN, "sql", "check", "-"], {
      input: JSON.stringify(STATEMENTS),
      encoding: "utf8",
    });
    expect(fromStdin.status).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual(answers);
  });

  it("refuses input that is not a JSON array (exit 2) and a file it cannot read", () => {
    const notJson = spawnSync(process.execPath, [BIN, "sql", "check"], {
      input: "SELECT 1\n",
      encoding: "utf8",
    });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/not JSON/);
    // One line, though JSON.parse quotes the input with its line break.
    expect(notJson.stderr.trimEnd().split("\n")).toHaveLength(1);
    const notArray = spawnSync(process.execPath, [BIN, "sql", "check"], {
      input: '{"sql":"SELECT 1"}',
      encoding: "utf8",
    });
    expect(notArray.status).toBe(2);
    expect(runCli(["sql", "check", join(dir, "missing.json")]).code).toBe(2);
  });

  it("never echoes a file's contents in its error (the file may hold secrets)", () => {
    const file = join(dir, "secret.env");
    writeFileSync(file, "DATABASE_PASSWORD=hunter2-very-secret\nOTHER=1\n");
    const run = runCli(["sql", "check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the input is not JSON/);
    expect(run.stderr).not.toMatch(/hunter2|DATABASE_PASSWORD|OTHER/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '["SELECT 1", token-s3cr3t, {"k": 1, }]');
    const at = runCli(["sql", "check", broken]);
    expect(at.code).toBe(2);
    expect(at.stderr).not.toContain("s3cr3t");
  });
});
