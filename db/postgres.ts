// The server engine: PostgreSQL (with pgvector) through a `pg` connection pool.

import { AsyncResource } from "node:async_hooks";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "../domain/errors.js";
import { SEARCH_CONNECTION_OPTIONS } from "./search-settings.js";
import { parseInt8, parseVector, type TextParser, VECTOR_TYPE_QUERY } from "./type-parsers.js";
import type { Database, Queryable, QueryResult } from "./types.js";

const INT8_OID = 20;

/** "postgres://user@host:5432/db" without the password, for messages and logs. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
}

// Connections are opened in the pool's own async context, not in that of the case
// whose query happened to open one: an error from a pooled socket's handler is then
// never blamed on whichever case first used that connection (run-guard.ts).
function wrap(target: pg.Pool | pg.PoolClient, scope: AsyncResource): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const result = await scope.runInAsyncScope(() => target.query(sql, params));
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await scope.runInAsyncScope(() => target.query(sql));
    },
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  // Parsers for types that extensions create get their OIDs at runtime (refreshTypes).
  const extra = new Map<number, TextParser>([[INT8_OID, parseInt8]]);
  const types = {
    getTypeParser(oid: number, format?: "text" | "binary") {
      return extra.get(oid) ?? pg.types.getTypeParser(oid, format ?? "text");
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: types as pg.CustomTypesConfig,
    options: SEARCH_CONNECTION_OPTIONS,
  });
  pool.on("error", () => {}); // an idle client's error surfaces on its next query instead
  const location = describeUrl(url);
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw new AppError(
      "db_unavailable",
      `cannot connect to ${location}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const scope = new AsyncResource("casehound.pg-pool");
  const base = wrap(pool, scope);

  return {
    engine: "postgres",
    location,
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await scope.runInAsyncScope(() => pool.connect());
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client, scope));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async copyIn(table, columns, payload) {
      const client = await scope.runInAsyncScope(() => pool.connect());
      try {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
        await new Promise<void>((resolvePromise, reject) => {
          stream.on("finish", () => resolvePromise());
          stream.on("error", reject);
          stream.end(payload);
        });
        return stream.rowCount ?? 0;
      } finally {
        client.release();
      }
    },
    async refreshTypes() {
      const { rows } = await pool.query<{ oid: number }>(VECTOR_TYPE_QUERY);
      if (rows[0]) extra.set(rows[0].oid, parseVector);
    },
    close: () => pool.end(),
  };
}
