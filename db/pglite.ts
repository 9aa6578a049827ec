// The embedded engine: PGlite (PostgreSQL compiled to WASM) with pgvector, stored in
// a local directory guarded by a process lock.

import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { AppError } from "../domain/errors.js";
import { acquireDataDirLock } from "./data-dir-lock.js";
import { SEARCH_SESSION_SQL } from "./search-settings.js";
import { parseVector, type TextParser, VECTOR_TYPE_QUERY } from "./type-parsers.js";
import type { Database, Queryable, QueryResult } from "./types.js";

type PgliteLike = Pick<PGlite, "query" | "exec"> | Transaction;

function wrap(target: PgliteLike, parsers: Record<number, TextParser>): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params, { parsers });
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

export interface PgliteOptions {
  /** Start from an empty database: deletes the directory's database once the lock is held. */
  fresh?: boolean;
  /**
   * In memory only: start from a dump (PGlite's dumpDataDir) instead of creating a
   * cluster, which takes seconds. The tests start every in-memory database from a
   * dump of a fresh cluster.
   */
  loadDataDir?: Blob;
}

/** Opens (creating if needed) the embedded database under `dataDir`; `null` = in memory. */
export async function openPglite(
  dataDir: string | null,
  options: PgliteOptions = {},
): Promise<Database> {
  const lock = dataDir === null ? undefined : acquireDataDirLock(resolve(dataDir));
  let pg: PGlite;
  try {
    const pgdata = dataDir === null ? undefined : join(resolve(dataDir), "pgdata");
    if (pgdata && options.fresh) rmSync(pgdata, { recursive: true, force: true });
    pg = await PGlite.create(pgdata, {
      extensions: { vector },
      ...(dataDir === null && options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw new AppError("db_unavailable", `could not open the embedded database in ${dataDir}`, {
      cause: error,
    });
  }
  return embedded(pg, dataDir === null ? "PGlite in memory" : `PGlite at ${dataDir}`, lock);
}

/** An in-memory copy of a database from its snapshot (see Database.snapshot). */
export async function openPgliteSnapshot(archive: Blob): Promise<Database> {
  let pg: PGlite;
  try {
    pg = await PGlite.create({ loadDataDir: archive, extensions: { vector } });
  } catch (error) {
    throw new AppError("db_unavailable", "could not open a copy of the embedded database", {
      cause: error,
    });
  }
  return embedded(pg, "PGlite copy in memory");
}

async function embedded(
  pg: PGlite,
  location: string,
  lock?: { release(): void },
): Promise<Database> {
  // One session for the life of the database: its settings hold for every query.
  await pg.exec(SEARCH_SESSION_SQL);
  const parsers: Record<number, TextParser> = {};
  const base = wrap(pg, parsers);
  // PGlite runs each query synchronously on this thread, and queued queries follow
  // one another as microtasks, which never let the event loop reach I/O: under load
  // a server would stop reading its sockets for seconds. One macrotask hop before
  // each query (or transaction) lets network I/O in between.
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  return {
    engine: "pglite",
    location,
    async query(sql, params) {
      await turn();
      return base.query(sql, params);
    },
    async exec(sql) {
      await turn();
      return base.exec(sql);
    },
    async transaction(fn) {
      await turn();
      return pg.transaction((tx) => fn(wrap(tx, parsers)));
    },
    async copyIn(table, columns, payload) {
      const sql = `COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`;
      const result = await pg.query(sql, [], { blob: new Blob([payload]) });
      return result.affectedRows ?? 0;
    },
    async refreshTypes() {
      const { rows } = await pg.query<{ oid: number }>(VECTOR_TYPE_QUERY);
      if (rows[0]) parsers[rows[0].oid] = parseVector;
    },
    async snapshot() {
      await turn();
      return pg.dumpDataDir("none");
    },
    async close() {
      try {
        if (!pg.closed) await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}
