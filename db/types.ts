// One database interface over two engines: embedded PGlite and server PostgreSQL.
// Callers see the same row shapes from both (int8 as number when safe, numeric as
// string, timestamptz as Date, vector as number[]).

export type Engine = "pglite" | "postgres";

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1.. parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Several statements, no parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: Engine;
  /** Where the data lives, without credentials ("PGlite at ./.casehound/pgdata"). */
  readonly location: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Bulk load: `payload` is PostgreSQL COPY text format (tab-separated, \N for null). */
  copyIn(table: string, columns: readonly string[], payload: string): Promise<number>;
  /** Re-reads type OIDs that extensions create (pgvector) so their values parse. */
  refreshTypes(): Promise<void>;
  /**
   * The embedded engine only: the whole database as one archive, for a copy on another
   * thread (which, unlike this one, can be stopped in the middle of a query).
   */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}
