import { describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "../../../db/migrate.js";
import type { Database, Queryable } from "../../../db/types.js";
import { isAppError } from "../../../domain/errors.js";

/** A server that fails the first migration the way PostgreSQL does. */
function serverFailing(message: string): Database {
  const tx: Queryable = {
    async query<Row>() {
      return { rows: [] as Row[], rowCount: 0 };
    },
    async exec(sql: string) {
      if (sql.includes("CREATE EXTENSION")) throw new Error(message);
    },
  };
  return {
    ...tx,
    engine: "postgres",
    location: "PostgreSQL at db.example:5432/risk",
    transaction: (fn) => fn(tx),
    copyIn: async () => 0,
    refreshTypes: async () => {},
    close: async () => {},
  };
}

describe("migrating a server without pgvector", () => {
  it("says how to install the extension", async () => {
    const db = serverFailing(
      'could not open extension control file "/usr/share/postgresql/15/extension/vector.control": No such file or directory',
    );
    const error = await migrate(db, loadMigrations()).catch((e: unknown) => e);
    expect(isAppError(error, "pgvector_missing")).toBe(true);
    expect((error as Error).message).toContain(
      "PostgreSQL at db.example:5432/risk has no pgvector extension",
    );
    expect((error as Error).message).toContain("postgresql-<major>-pgvector");
  });

  it("asks for a superuser when the role may not create extensions", async () => {
    const db = serverFailing('permission denied to create extension "vector"');
    const error = await migrate(db, loadMigrations()).catch((e: unknown) => e);
    expect(isAppError(error, "pgvector_missing")).toBe(true);
    expect((error as Error).message).toContain("ask a superuser to run CREATE EXTENSION vector");
  });
});
