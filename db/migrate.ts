// Numbered SQL migrations (db/migrations/NNNN_name.sql), each applied once in its own
// transaction and recorded with a checksum. Identical on both engines. An advisory
// lock serialises concurrent migrators on a shared server.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AppError } from "../domain/errors.js";
import type { Database, Queryable } from "./types.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
// An arbitrary constant both engines agree on: "casehound" as a 32-bit number.
const MIGRATION_LOCK_KEY = 0x63617365;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, "utf8");
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ""),
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
      };
    });
}

const BOOKKEEPING = `
  CREATE SCHEMA IF NOT EXISTS casehound;
  CREATE TABLE IF NOT EXISTS casehound.schema_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
  );`;

async function lock(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
}

function explain(error: unknown, db: Database, migration: Migration): AppError {
  const message = (error as Error).message ?? String(error);
  if (/permission denied to create extension/.test(message)) {
    return new AppError(
      "pgvector_missing",
      `${db.location}: this role may not create the pgvector extension; ask a superuser to run ` +
        "CREATE EXTENSION vector; in this database, then run `casehound db migrate` again.",
      { cause: error },
    );
  }
  if (/vector\.control|extension "vector" is not available/.test(message)) {
    return new AppError(
      "pgvector_missing",
      `${db.location} has no pgvector extension. Install it on the server (Debian/Ubuntu: ` +
        "apt install postgresql-<major>-pgvector, or build it with scripts/ensure-pgvector.sh; " +
        "macOS: brew install pgvector), then run `casehound db migrate` again.",
      { cause: error },
    );
  }
  return new AppError("migration_failed", `migration ${migration.name} failed: ${message}`, {
    cause: error,
  });
}

/**
 * True when every migration is already recorded with its checksum: one read, no lock
 * and no write, so a command on an up-to-date database does not pay for a
 * transaction per migration. Anything else (a table missing, a migration pending or
 * changed, a fresh database where the read itself fails) takes the locked path below,
 * which says what is wrong.
 */
async function upToDate(db: Database, migrations: Migration[]): Promise<boolean> {
  const { rows } = await db
    .query<{ version: number; checksum: string }>(
      "SELECT version, checksum FROM casehound.schema_migrations",
    )
    .catch(() => ({ rows: [] as { version: number; checksum: string }[] }));
  const recorded = new Map(rows.map((row) => [Number(row.version), row.checksum]));
  return migrations.every((m) => recorded.get(m.version) === m.checksum);
}

/** Applies pending migrations; returns the names of those applied now. */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string[]> {
  if (migrations.length > 0 && (await upToDate(db, migrations))) {
    await db.refreshTypes();
    return [];
  }
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(BOOKKEEPING);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    try {
      const done = await db.transaction(async (tx) => {
        await lock(tx);
        const { rows } = await tx.query<{ checksum: string }>(
          "SELECT checksum FROM casehound.schema_migrations WHERE version = $1",
          [migration.version],
        );
        if (rows[0]) {
          if (rows[0].checksum !== migration.checksum) {
            throw new AppError(
              "migration_failed",
              `migration ${migration.name} was changed after it was applied (checksum mismatch); add a new migration instead`,
            );
          }
          return false;
        }
        await tx.exec(migration.sql);
        await tx.query(
          "INSERT INTO casehound.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
          [migration.version, migration.name, migration.checksum],
        );
        return true;
      });
      if (done) applied.push(migration.name);
    } catch (error) {
      throw error instanceof AppError ? error : explain(error, db, migration);
    }
  }
  await db.refreshTypes();
  return applied;
}
