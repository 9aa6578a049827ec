// A file of subjects for a batch: CSV with a header, or JSON lines. Each row names a
// subject (`subject`, e.g. seller:slr_00042, or `seller_id`), optionally its
// allegation and as_of. A bad row refuses the whole file with an error naming its
// line; the file's size and row count are bounded.
import { BatchRow, MAX_BATCH_ROWS } from "../../domain/batch.js";
import { AppError } from "../../domain/errors.js";
import { CsvError, parseCsv } from "./csv.js";

/** The largest file accepted. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const COLUMNS = new Set(["subject", "seller_id", "allegation", "as_of"]);

export type FileFormat = "csv" | "jsonl";

/** By the name's extension; otherwise JSON lines when the first character opens an object. */
export function detectFormat(name: string, text: string): FileFormat {
  if (/\.(jsonl|ndjson)$/i.test(name)) return "jsonl";
  if (/\.csv$/i.test(name)) return "csv";
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

function bad(name: string, line: number, message: string): AppError {
  return new AppError("bad_argument", `${name} line ${line}: ${message}`, {
    details: { line },
  });
}

/** One row's fields (by column name) as a batch row, or an error naming the line. */
function toRow(name: string, line: number, fields: Record<string, unknown>): BatchRow {
  for (const [key, value] of Object.entries(fields)) {
    if (!COLUMNS.has(key))
      throw bad(name, line, `unknown field "${key}" (known: ${[...COLUMNS].join(", ")})`);
    if (value !== undefined && value !== null && typeof value !== "string")
      throw bad(name, line, `${key} must be text`);
  }
  const text = (key: string) => {
    const value = fields[key];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const subject = text("subject");
  const sellerId = text("seller_id");
  if (subject && sellerId) throw bad(name, line, "give subject or seller_id, not both");
  if (!subject && !sellerId) throw bad(name, line, "no subject (subject or seller_id)");
  const at = subject?.indexOf(":") ?? -1;
  if (subject && at < 1)
    throw bad(
      name,
      line,
      `subject "${subject.slice(0, 80)}" must read seller:ID, buyer:ID or order:ID`,
    );
  const parsed = BatchRow.safeParse({
    subject: subject
      ? { type: subject.slice(0, at), id: subject.slice(at + 1) }
      : { type: "seller", id: sellerId },
    allegation: text("allegation"),
    asOf: text("as_of"),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === "asOf" ? "as_of" : (issue?.path[0] ?? "row");
    throw bad(name, line, `${String(field)}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function tooMany(name: string, line: number): AppError {
  return bad(name, line, `more than ${MAX_BATCH_ROWS} rows; split the file`);
}

function fromCsv(name: string, text: string): BatchRow[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw bad(name, error.line, error.message);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError("bad_argument", `${name} is empty`);
  const columns = header.fields.map((c) => c.trim().toLowerCase());
  for (const column of columns)
    if (!COLUMNS.has(column))
      throw bad(
        name,
        header.line,
        `unknown column "${column}" (known: ${[...COLUMNS].join(", ")})`,
      );
  if (!columns.includes("subject") && !columns.includes("seller_id"))
    throw bad(name, header.line, "the header names no subject or seller_id column");
  if (new Set(columns).size !== columns.length)
    throw bad(name, header.line, "a column is named twice");
  return rows.map((record, i) => {
    if (i >= MAX_BATCH_ROWS) throw tooMany(name, record.line);
    if (record.fields.length !== columns.length)
      throw bad(
        name,
        record.line,
        `${record.fields.length} fields where the header has ${columns.length}`,
      );
    return toRow(
      name,
      record.line,
      Object.fromEntries(columns.map((c, j) => [c, record.fields[j]])),
    );
  });
}

function fromJsonLines(name: string, text: string): BatchRow[] {
  const rows: BatchRow[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    if (raw.trim() === "") continue;
    if (rows.length >= MAX_BATCH_ROWS) throw tooMany(name, line);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw bad(name, line, "not valid JSON");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw bad(name, line, "each line must be one JSON object");
    rows.push(toRow(name, line, value as Record<string, unknown>));
  }
  return rows;
}

/** The rows of a subjects file (its text, already read within MAX_FILE_BYTES). */
export function parseSubjectsFile(
  name: string,
  text: string,
): { format: FileFormat; rows: BatchRow[] } {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES)
    throw new AppError("bad_argument", `${name} is larger than ${MAX_FILE_BYTES} bytes`);
  if (text.includes("\u0000"))
    throw new AppError("bad_argument", `${name} holds NUL characters; is it a text file?`);
  const body = text.replace(/^\uFEFF/, "");
  const format = detectFormat(name, body);
  const rows = format === "csv" ? fromCsv(name, body) : fromJsonLines(name, body);
  if (rows.length === 0) throw new AppError("bad_argument", `${name} lists no subjects`);
  return { format, rows };
}
