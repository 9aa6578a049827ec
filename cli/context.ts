// What every command needs: the parsed environment and a database that is migrated
// on open and always closed. The environment's schema and the database modules load
// only when a command runs, so `--help` and usage errors never pay for them.
import { join } from "node:path";
import type { Env } from "../config/env.js";
import type { Database } from "../db/types.js";

export interface CommandContext {
  env: Env;
}

let cached: CommandContext | undefined;

export async function context(): Promise<CommandContext> {
  if (!cached) {
    const { loadEnv } = await import("../config/env.js");
    cached = { env: loadEnv() };
  }
  return cached;
}

/** Opens the configured database, applies pending migrations, runs `fn`, closes. */
export async function withDatabase<T>(
  fn: (db: Database, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  const ctx = await context();
  const [{ openDatabase }, { migrate }] = await Promise.all([
    import("../db/connect.js"),
    import("../db/migrate.js"),
  ]);
  const db = await openDatabase(ctx.env);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) console.error(`applied migrations ${applied.join(", ")}`);
    return await fn(db, ctx);
  } finally {
    await db.close();
  }
}

/** Where the ground truth of a seeded world goes unless --labels says otherwise. */
export function defaultLabelsPath(env: Env): string {
  return join(env.CASEHOUND_DATA_DIR, "labels.json");
}
