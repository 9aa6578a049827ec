// `casehound worker` and `serve --no-workers` need server PostgreSQL: on the embedded
// database they refuse with one plain line and exit code 2, before any database is
// opened (the data directory is never created).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const dir = tempDir("casehound-worker-cmd-");
afterAll(() => removeDir(dir));

function refused(args: string[]) {
  const dataDir = join(dir, args.join("_").replace(/\W/g, ""));
  const run = runCli(args, { CASEHOUND_DATA_DIR: dataDir });
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(dataDir), "no database was opened").toBe(false);
  return run.stderr;
}

describe("the worker command on the embedded database", () => {
  it("says that several machines need PostgreSQL and that serve runs the workers here", () => {
    const message = refused(["worker", "--concurrency", "3"]);
    expect(message).toMatch(/needs server PostgreSQL/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/casehound serve` runs the workers/);
  });

  it("refuses a concurrency out of range before anything else", () => {
    expect(refused(["worker", "--concurrency", "0"])).toMatch(/whole number from 1 to 64/);
  });

  it("refuses serve --no-workers: nobody else could reach the cases", () => {
    expect(refused(["serve", "--no-workers"])).toMatch(/--no-workers needs server PostgreSQL/);
  });
});
