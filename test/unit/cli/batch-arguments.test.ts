// The batch commands' arguments, checked before any database opens: values, the
// choice between --flagged and --file, and the file read within its bounds.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  batchIdArgument,
  parseInstant,
  parseLimit,
  parseScore,
} from "../../../cli/batch-arguments.js";
import { batchRequest } from "../../../cli/batch-request.js";
import { isAppError } from "../../../domain/errors.js";
import { removeDir, tempDir } from "../../support/engines.js";

const dir = tempDir("casehound-batch-args-");
afterAll(() => removeDir(dir));

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("accepted");
}

describe("batch arguments", () => {
  it("parses scores, limits and instants, refusing the rest", () => {
    expect(parseScore("0.85")).toBe(0.85);
    expect(parseScore("1")).toBe(1);
    expect(refused(() => parseScore("1.5"))).toMatch(/score from 0 to 1/);
    expect(refused(() => parseScore("-0.1"))).toMatch(/score from 0 to 1/);
    expect(parseLimit("25")).toBe(25);
    expect(refused(() => parseLimit("0"))).toMatch(/whole number from 1 to 10000/);
    expect(refused(() => parseLimit("10001"))).toMatch(/whole number/);
    expect(parseInstant("2026-11-01")).toBe("2026-11-01T00:00:00.000Z");
    expect(refused(() => parseInstant("last week"))).toMatch(/ISO date/);
    expect(batchIdArgument("5f1e-77")).toBe("5f1e-77");
    expect(refused(() => batchIdArgument("../x"))).toMatch(/must be a batch id/);
  });

  it("asks for exactly one of --flagged and --file, and keeps selection options to --flagged", () => {
    expect(refused(() => batchRequest({}))).toMatch(/--flagged or --file/);
    expect(refused(() => batchRequest({ flagged: true, file: "x.csv" }))).toMatch(
      /--flagged or --file/,
    );
    const file = join(dir, "s.csv");
    writeFileSync(file, "seller_id\nslr_1\n");
    expect(refused(() => batchRequest({ file, limit: 3 }))).toBe(
      "--limit goes with --flagged, not --file",
    );
    expect(
      refused(() =>
        batchRequest({
          flagged: true,
          since: "2026-11-02T00:00:00.000Z",
          until: "2026-11-01T00:00:00.000Z",
        }),
      ),
    ).toBe("--since must be before --until");
    expect(batchRequest({ flagged: true, minScore: 0.8, category: "toys" })).toEqual({
      kind: "flagged",
      selection: { minScore: 0.8, category: "toys", limit: 100 },
    });
  });

  it("reads the file here: its rows, or a usage error naming the file or its line", () => {
    const file = join(dir, "subjects.jsonl");
    writeFileSync(file, '{"subject":"seller:slr_1","allegation":"fake reviews"}\n');
    expect(batchRequest({ file })).toEqual({
      kind: "file",
      name: "subjects.jsonl",
      format: "jsonl",
      rows: [{ subject: { type: "seller", id: "slr_1" }, allegation: "fake reviews" }],
    });
    const missing = join(dir, "missing.csv");
    let error: unknown;
    try {
      batchRequest({ file: missing });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "bad_argument")).toBe(true);
    expect((error as Error).message).toMatch(/^cannot read --file .*missing\.csv/);
    expect(refused(() => batchRequest({ file: dir }))).toMatch(/is not a file/);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "subject\nseller:slr_1\nnot-a-subject\n");
    expect(refused(() => batchRequest({ file: bad }))).toMatch(/^bad\.csv line 3: /);
  });
});
