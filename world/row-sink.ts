// Buffers generated rows per table as PostgreSQL COPY text and loads them in large
// batches, so memory stays bounded however big the world. It also hashes
// everything it writes: the same seed must give the same content hash.
import { createHash, type Hash } from "node:crypto";
import {
  WAREHOUSE_COLUMNS,
  WAREHOUSE_TABLES,
  type WarehouseTable,
} from "../db/warehouse-tables.js";
import { type Cell, Timestamp } from "./cells.js";

const FLUSH_LINES = 20_000;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const dayPrefixes = new Map<number, string>();

/** ISO-8601 UTC with milliseconds, like Date#toISOString but several times faster. */
export function formatTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = Math.floor(ms - day * DAY_MS);
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const msText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${msText}Z`;
}

function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

export function encodeCell(cell: Cell): string {
  if (cell === null) return "\\N";
  if (cell instanceof Timestamp) return formatTimestamp(cell.ms);
  if (typeof cell === "boolean") return cell ? "t" : "f";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`non-finite number in generated row: ${cell}`);
    return String(cell);
  }
  return escapeText(cell);
}

/** Where full batches go: a COPY into the database, or a message to the loading thread. */
export type BatchWriter = (
  table: WarehouseTable,
  columns: readonly string[],
  payload: string,
) => Promise<void>;

export class RowSink {
  private readonly buffers = new Map<WarehouseTable, string[]>();
  private readonly hashes = new Map<WarehouseTable, Hash>();
  readonly counts = new Map<WarehouseTable, number>();

  constructor(private readonly write: BatchWriter) {
    for (const table of WAREHOUSE_TABLES) {
      this.buffers.set(table, []);
      this.hashes.set(table, createHash("sha256"));
      this.counts.set(table, 0);
    }
  }

  push(table: WarehouseTable, row: readonly Cell[]): void {
    const columns = WAREHOUSE_COLUMNS[table];
    if (row.length !== columns.length) {
      throw new Error(`row for ${table} has ${row.length} values, expected ${columns.length}`);
    }
    (this.buffers.get(table) as string[]).push(`${row.map(encodeCell).join("\t")}\n`);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  /** Loads every table whose buffer is full (or all of them with `all`). */
  async drain(all = false): Promise<void> {
    for (const table of WAREHOUSE_TABLES) {
      const lines = this.buffers.get(table) as string[];
      if (lines.length === 0 || (!all && lines.length < FLUSH_LINES)) continue;
      const payload = lines.join("");
      this.buffers.set(table, []);
      this.hashes.get(table)?.update(payload);
      await this.write(table, WAREHOUSE_COLUMNS[table], payload);
    }
  }

  /** sha256 over every table's rows in generation order; call after drain(true). */
  contentHash(): string {
    const total = createHash("sha256");
    for (const table of WAREHOUSE_TABLES) {
      total.update(`${table}:${this.hashes.get(table)?.copy().digest("hex")}\n`);
    }
    return total.digest("hex");
  }

  rowCounts(): Record<WarehouseTable, number> {
    return Object.fromEntries(this.counts) as Record<WarehouseTable, number>;
  }
}
