// Test databases on both engines. PGlite is always available (in memory or in a
// temp directory); server PostgreSQL only when TEST_DATABASE_URL is set, and then
// every suite gets a database of its own, dropped afterwards.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { loadEnv } from "../../config/env.js";
import { openPglite } from "../../db/pglite.js";
import { openPostgres } from "../../db/postgres.js";
import { createScratchDatabase } from "../../db/scratch-database.js";
import type { Database } from "../../db/types.js";

export const TEST_DATABASE_URL = loadEnv().TEST_DATABASE_URL;

export interface TestDatabase {
  db: Database;
  /** Connection string of the fresh server database (postgres only). */
  url?: string;
  dispose(): Promise<void>;
}

export function tempDir(prefix = "casehound-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let freshCluster: Blob | undefined;

/** The dump of a fresh cluster the global set-up made (read once per test process). */
function freshClusterDump(): Blob | undefined {
  const path = inject("pgliteSnapshot");
  if (!path) return undefined;
  freshCluster ??= new File([readFileSync(path)], "fresh-cluster.tar", {
    type: "application/x-tar",
  });
  return freshCluster;
}

export async function pgliteInMemory(): Promise<TestDatabase> {
  const dump = freshClusterDump();
  const db = await openPglite(null, dump ? { loadDataDir: dump } : {});
  return { db, dispose: () => db.close() };
}

/** A brand-new database on the test server, dropped on dispose. */
export async function freshPostgres(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const scratch = await createScratchDatabase(TEST_DATABASE_URL, "casehound_t");
  const db = await openPostgres(scratch.url);
  return {
    db,
    url: scratch.url,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
