// Runs SQL the guard allowed, with a second line of defence that does not depend
// on the guard: a READ ONLY transaction, a statement timeout, and (where the
// migrations could create it) the casehound_reader role, which can only SELECT
// schema risk. PGlite has no timer signals, so its statement timeout cannot fire;
// there the guard's row limit is what bounds a query.
import type { Database, QueryResult } from "../../db/types.js";

export const READER_ROLE = "casehound_reader";

export interface ReadOnlyOptions {
  timeoutMs: number;
}

export async function runReadOnly(
  db: Database,
  sql: string,
  options: ReadOnlyOptions,
): Promise<QueryResult<Record<string, unknown>> & { role: string | null }> {
  const timeout = Math.max(1, Math.floor(options.timeoutMs));
  return db.transaction(async (tx) => {
    await tx.query("SET TRANSACTION READ ONLY");
    await tx.query(`SET LOCAL statement_timeout = ${timeout}`);
    const { rows } = await tx.query(
      "SELECT 1 FROM pg_roles WHERE rolname = $1 AND pg_has_role(current_user, oid, 'MEMBER')",
      [READER_ROLE],
    );
    const role = rows.length > 0 ? READER_ROLE : null;
    if (role) await tx.query(`SET LOCAL ROLE ${READER_ROLE}`);
    const result = await tx.query<Record<string, unknown>>(sql);
    return { ...result, role };
  });
}
