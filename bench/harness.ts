// Shared by the benchmarks: each engine runs in a child process of its own (so its
// peak memory is its own), on a fresh embedded directory or a scratch database on
// the server named by DATABASE_URL or TEST_DATABASE_URL.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnv } from "../config/env.js";
import { migrate } from "../db/migrate.js";
import { openPglite } from "../db/pglite.js";
import { openPostgres } from "../db/postgres.js";
import { createScratchDatabase } from "../db/scratch-database.js";
import type { Database } from "../db/types.js";

export type BenchEngine = "pglite" | "postgres";

export interface BenchArgs {
  flag(name: string): string | undefined;
  serverUrl: string | undefined;
  childEngine: BenchEngine | undefined;
}

export function benchArgs(): BenchArgs {
  const args = process.argv.slice(2);
  const env = loadEnv();
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    flag,
    serverUrl: env.DATABASE_URL ?? env.TEST_DATABASE_URL,
    childEngine: flag("--child") as BenchEngine | undefined,
  };
}

/** In the child: a fresh, migrated database on `engine`, cleaned up after `fn`. */
export async function withBenchDatabase<T>(
  engine: BenchEngine,
  serverUrl: string | undefined,
  fn: (db: Database, where: { url?: string }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "casehound-bench-"));
  const scratch =
    engine === "postgres" && serverUrl
      ? await createScratchDatabase(serverUrl, "casehound_bench")
      : undefined;
  const db = scratch ? await openPostgres(scratch.url) : await openPglite(dir);
  try {
    await migrate(db);
    return await fn(db, scratch ? { url: scratch.url } : {});
  } finally {
    await db.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the parent: runs `script` once per engine as a child and collects the JSON line each prints last. */
export function runPerEngine<T>(
  script: string,
  serverUrl: string | undefined,
  extraArgs: string[],
  only?: BenchEngine,
): T[] {
  const engines: BenchEngine[] = serverUrl ? ["pglite", "postgres"] : ["pglite"];
  return engines
    .filter((engine) => !only || engine === only)
    .map((engine) => {
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", fileURLToPath(script), "--child", engine, ...extraArgs],
        {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "inherit"],
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (run.status !== 0) throw new Error(`${engine} run failed with exit code ${run.status}`);
      return JSON.parse(run.stdout.trim().split("\n").pop() as string) as T;
    });
}
