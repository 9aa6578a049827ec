// Files of subjects for a batch: CSV with a header or JSON lines; a bad row refuses
// the file with an error naming its line; size and row count are bounded.
import { describe, expect, it } from "vitest";
import { MAX_BATCH_ROWS } from "../../../domain/batch.js";
import { isAppError } from "../../../domain/errors.js";
import { csvLine, parseCsv } from "../../../server/batch/csv.js";
import { MAX_FILE_BYTES, parseSubjectsFile } from "../../../server/batch/subjects-file.js";

function refusal(name: string, text: string): string {
  try {
    parseSubjectsFile(name, text);
  } catch (error) {
    expect(isAppError(error, "bad_argument")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}

describe("a subjects file", () => {
  it("reads CSV with a header: subject or seller_id, allegation and as_of", () => {
    const { format, rows } = parseSubjectsFile(
      "sellers.csv",
      '\uFEFFsubject,allegation,as_of\r\nseller:slr_1,"fake reviews, many",2026-11-01T00:00:00Z\r\n\r\nbuyer:byr_2,,\n',
    );
    expect(format).toBe("csv");
    expect(rows).toEqual([
      {
        subject: { type: "seller", id: "slr_1" },
        allegation: "fake reviews, many",
        asOf: "2026-11-01T00:00:00Z",
      },
      { subject: { type: "buyer", id: "byr_2" } },
    ]);
    const ids = parseSubjectsFile("ids.csv", "seller_id\nslr_9\n").rows;
    expect(ids).toEqual([{ subject: { type: "seller", id: "slr_9" } }]);
  });

  it("reads JSON lines, recognised by extension or by content", () => {
    const text = '{"subject":"seller:slr_1"}\n\n{"seller_id":"slr_2","allegation":"promo abuse"}\n';
    for (const name of ["x.jsonl", "x.ndjson", "x.txt"]) {
      const { format, rows } = parseSubjectsFile(name, text);
      expect(format).toBe("jsonl");
      expect(rows.map((r) => r.subject.id)).toEqual(["slr_1", "slr_2"]);
    }
  });

  it("names the line of a bad row", () => {
    expect(refusal("f.csv", "subject\nseller:slr_1\nslr_2\n")).toBe(
      'f.csv line 3: subject "slr_2" must read seller:ID, buyer:ID or order:ID',
    );
    expect(refusal("f.csv", "subject,as_of\nseller:slr_1,yesterday\n")).toMatch(
      /^f\.csv line 2: as_of: /,
    );
    expect(refusal("f.csv", "subject\nseller:a b\n")).toMatch(/^f\.csv line 2: subject: /);
    expect(refusal("f.csv", "subject,allegation\nseller:slr_1\n")).toMatch(
      /^f\.csv line 2: 1 fields where the header has 2/,
    );
    expect(refusal("f.csv", 'subject,allegation\nseller:slr_1,"open\nstill open\n')).toMatch(
      /^f\.csv line 2: a quoted field is never closed/,
    );
    expect(refusal("f.csv", "subject,colour\nseller:slr_1,red\n")).toMatch(
      /^f\.csv line 1: unknown column "colour"/,
    );
    expect(refusal("f.csv", "allegation\nx\n")).toMatch(/line 1: the header names no subject/);
    expect(refusal("f.jsonl", '{"subject":"seller:slr_1"}\n{oops\n')).toBe(
      "f.jsonl line 2: not valid JSON",
    );
    expect(refusal("f.jsonl", "[1]\n")).toBe("f.jsonl line 1: each line must be one JSON object");
    expect(refusal("f.jsonl", '{"subject":"seller:a","seller_id":"b"}\n')).toMatch(
      /line 1: give subject or seller_id, not both/,
    );
    expect(refusal("f.jsonl", '{"subject":5}\n')).toBe("f.jsonl line 1: subject must be text");
    expect(refusal("f.jsonl", '{"allegation":"x"}\n')).toMatch(/line 1: no subject/);
  });

  it("refuses an empty file, a binary one, one too large and one with too many rows", () => {
    expect(refusal("e.csv", "")).toBe("e.csv is empty");
    expect(refusal("h.csv", "subject\n")).toBe("h.csv lists no subjects");
    expect(refusal("b.csv", "subject\n\u0000")).toMatch(/NUL characters/);
    expect(refusal("big.csv", `subject\n${"x".repeat(MAX_FILE_BYTES)}`)).toMatch(/larger than/);
    const many = `seller_id\n${Array.from({ length: MAX_BATCH_ROWS + 1 }, (_, i) => `s${i}`).join("\n")}`;
    expect(refusal("many.csv", many)).toBe(
      `many.csv line ${MAX_BATCH_ROWS + 2}: more than ${MAX_BATCH_ROWS} rows; split the file`,
    );
  });

  it("writes CSV fields that read back the same", () => {
    const values = ["plain", "a,b", 'say "hi"', "two\nlines", ""];
    const [record] = parseCsv(`${csvLine(values)}\n`);
    expect(record?.fields).toEqual(values);
  });
});
