// Chooses the engine from the environment: DATABASE_URL means server PostgreSQL,
// otherwise the embedded database in CASEHOUND_DATA_DIR.
import type { Env } from "../config/env.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";
import type { Database } from "./types.js";

export async function openDatabase(
  env: Pick<Env, "DATABASE_URL" | "CASEHOUND_DATA_DIR">,
): Promise<Database> {
  const db = env.DATABASE_URL
    ? await openPostgres(env.DATABASE_URL)
    : await openPglite(env.CASEHOUND_DATA_DIR);
  await db.refreshTypes();
  return db;
}

export type { Database, Engine, Queryable } from "./types.js";
