// Runs SQL the guard allowed, behind walls that do not depend on the guard: a READ
// ONLY transaction, a statement timeout, and (where the migrations could create it)
// the casehound_reader role, which can only SELECT schema risk. Before running, the
// planner's estimate is asked: a statement whose plan costs more than a number of
// full scans of the tables it reads is refused, so a keyed join that still
// multiplies rows never starts (and on PGlite, which has no timeout, never hangs).
// Rows are read under a byte cap that the server enforces: each row travels as one
// JSON value, and once the running total passes `maxBytes` the server sends no more
// values, so no statement can hand the process a value larger than the cap (a
// gigabyte string used to kill it from inside the driver's socket handler).
import type { Database, Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";

export const READER_ROLE = "casehound_reader";

/**
 * A statement may cost at most this many full scans of the tables it reads: a
 * warehouse ten times larger allows statements ten times costlier, while a self-join
 * that multiplies rows costs hundreds of scans on any warehouse.
 */
export const DEFAULT_COST_FACTOR = 25;
/** The least a statement is allowed to cost, for statements over tiny tables or none. */
export const MIN_COST = 10_000;
/** Bytes of JSON rows a query may return. */
export const DEFAULT_MAX_BYTES = 1_000_000;

export interface ReadOnlyOptions {
  timeoutMs: number;
  /** Full scans of the statement's tables its plan may cost (DEFAULT_COST_FACTOR). */
  costFactor?: number;
  maxBytes?: number;
}

export interface ReadOnlyResult {
  rows: Record<string, unknown>[];
  rowCount: number;
  role: string | null;
  /** Rows the byte cap held back (0 when everything fit). */
  cut: number;
}

/** A READ ONLY transaction with a statement timeout, as the reader role where it exists. */
export async function inReaderTransaction<T>(
  db: Database,
  timeoutMs: number,
  fn: (tx: Queryable, role: string | null) => Promise<T>,
): Promise<T> {
  const timeout = Math.max(1, Math.floor(timeoutMs));
  return db.transaction(async (tx) => {
    await tx.query("SET TRANSACTION READ ONLY");
    await tx.query(`SET LOCAL statement_timeout = ${timeout}`);
    const { rows } = await tx.query(
      "SELECT 1 FROM pg_roles WHERE rolname = $1 AND pg_has_role(current_user, oid, 'MEMBER')",
      [READER_ROLE],
    );
    const role = rows.length > 0 ? READER_ROLE : null;
    if (role) await tx.query(`SET LOCAL ROLE ${READER_ROLE}`);
    return fn(tx, role);
  });
}

/** The statement wrapped so that the server numbers its rows and caps their bytes. */
function bounded(sql: string): string {
  return `SELECT CASE WHEN b.running <= $1 THEN b.r END AS r FROM (
  SELECT j.n, j.r, sum(octet_length(j.r::text)) OVER (ORDER BY j.n ROWS UNBOUNDED PRECEDING) AS running
  FROM (SELECT row_number() OVER () AS n, to_json(t) AS r FROM (${sql}) t) j
) b ORDER BY b.n`;
}

interface PlanNode {
  "Total Cost"?: number;
  "Relation Name"?: string;
  Schema?: string;
  Plans?: PlanNode[];
}

async function plan(tx: Queryable, sql: string, params: unknown[] = []): Promise<PlanNode> {
  const { rows } = await tx.query<Record<string, unknown>>(
    `EXPLAIN (FORMAT JSON, VERBOSE) ${sql}`,
    params,
  );
  const raw = Object.values(rows[0] ?? {})[0];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return parsed[0]?.Plan ?? {};
}

const costliest = (node: PlanNode): number =>
  Math.max(node["Total Cost"] ?? 0, ...(node.Plans ?? []).map(costliest));

function riskTables(node: PlanNode, into = new Set<string>()): Set<string> {
  const name = node["Relation Name"];
  if (name && node.Schema === "risk" && /^[a-z_]+$/.test(name)) into.add(name);
  for (const child of node.Plans ?? []) riskTables(child, into);
  return into;
}

/**
 * The planner's estimate for the statement (the costliest node: a LIMIT on top hides
 * what runs below it) and what it may cost: `factor` full scans of the tables it reads.
 */
export async function costCheck(
  tx: Queryable,
  sql: string,
  params: unknown[],
  factor: number,
): Promise<{ cost: number; limit: number }> {
  const root = await plan(tx, sql, params);
  let scans = 0;
  for (const table of riskTables(root))
    scans += (await plan(tx, `SELECT * FROM risk.${table}`))["Total Cost"] ?? 0;
  return { cost: costliest(root), limit: Math.max(MIN_COST, factor * scans) };
}

export async function runReadOnly(
  db: Database,
  sql: string,
  options: ReadOnlyOptions,
): Promise<ReadOnlyResult> {
  const factor = options.costFactor ?? DEFAULT_COST_FACTOR;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const text = bounded(sql);
  return inReaderTransaction(db, options.timeoutMs, async (tx, role) => {
    const { cost, limit } = await costCheck(tx, text, [maxBytes], factor);
    if (cost > limit)
      throw new AppError(
        "bad_argument",
        `refused before running: the planner estimates a cost of ${Math.round(cost)}, over the limit of ${Math.round(limit)} (${factor} full scans of the tables it reads); filter on the subject and join on keys`,
      );
    const { rows } = await tx.query<{ r: Record<string, unknown> | string | null }>(text, [
      maxBytes,
    ]);
    const kept: Record<string, unknown>[] = [];
    for (const { r } of rows) {
      if (r === null) break;
      kept.push(typeof r === "string" ? (JSON.parse(r) as Record<string, unknown>) : r);
    }
    return { rows: kept, rowCount: kept.length, role, cut: rows.length - kept.length };
  });
}
