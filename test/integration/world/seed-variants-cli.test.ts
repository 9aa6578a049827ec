// `casehound seed --variants` as a user runs it: a bad mode is a one-line usage
// error, and a mixed world's labels file says what was planted and how it was alleged.

import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLabels } from "../../../world/labels.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const dir = tempDir("casehound-variants-");
afterAll(() => removeDir(dir));

describe("casehound seed --variants", () => {
  it("refuses an unknown mode with a one-line error naming the choices, before seeding anything", () => {
    const run = runCli(["seed", "--variants", "chaos"], { CASEHOUND_DATA_DIR: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are classic, mixed/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("seeds a mixed world whose labels record the mode, each scheme's shape and each allegation", () => {
    const labels = join(dir, "truth.json");
    const run = runCli(
      ["seed", "--size", "small", "--seed", "3", "--variants", "mixed", "--labels", labels],
      { CASEHOUND_DATA_DIR: dir },
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const truth = readLabels(labels);
    expect(truth).toMatchObject({ variants: "mixed", background: "realistic", seed: 3 });
    const schemes = truth.subjects.filter((s) => s.role === "primary" && s.typology !== "none");
    expect(schemes.length).toBe(20);
    for (const s of schemes) expect(s.channel && s.variant && s.allegation).toBeTruthy();
    expect(truth.subjects.some((s) => s.kind === "carrier_nat")).toBe(true);
  }, 300_000);
});
