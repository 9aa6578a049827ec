// Benchmark: how long a demo world takes to load, and the peak memory of the
// process doing it, on embedded PGlite and on server PostgreSQL.
//
//   npm run bench:seed                 # medium world, PGlite, and PostgreSQL if configured
//   npm run bench:seed -- --size small
//
// Server PostgreSQL comes from DATABASE_URL or TEST_DATABASE_URL; the bench creates
// and drops a scratch database there. Each engine runs in its own child process so
// its peak RSS is its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table, thousands } from "../cli/format.js";
import { loadEnv } from "../config/env.js";
import { migrate } from "../db/migrate.js";
import { openPglite } from "../db/pglite.js";
import { openPostgres } from "../db/postgres.js";
import { createScratchDatabase } from "../db/scratch-database.js";
import { seedWorld } from "../db/seed/generate.js";
import { WORLD_SIZE_NAMES, type WorldSizeName } from "../db/seed/sizes.js";

interface Measurement {
  engine: string;
  seconds: number;
  rows: number;
  peakRssMb: number;
}

async function child(
  engine: string,
  size: WorldSizeName,
  serverUrl: string | undefined,
): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "casehound-bench-"));
  const scratch =
    engine === "postgres" && serverUrl
      ? await createScratchDatabase(serverUrl, "casehound_bench")
      : undefined;
  const db = scratch ? await openPostgres(scratch.url) : await openPglite(dir);
  try {
    await migrate(db);
    const result = await seedWorld(db, { size, seed: 42 });
    const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
    const total = (performance.now() - started) / 1000;
    const measurement: Measurement = {
      engine,
      seconds: total,
      rows,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(measurement)}\n`);
  } finally {
    await db.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function parent(size: WorldSizeName, serverUrl: string | undefined): void {
  const engines = serverUrl ? ["pglite", "postgres"] : ["pglite"];
  const results: Measurement[] = [];
  for (const engine of engines) {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--child", engine, "--size", size],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    if (run.status !== 0) throw new Error(`${engine} run failed with exit code ${run.status}`);
    results.push(JSON.parse(run.stdout.trim().split("\n").pop() as string) as Measurement);
  }
  console.log(`seed load, ${size} world (seed 42), ${new Date().toISOString()}`);
  console.log(
    table(
      ["engine", "seconds", "rows", "rows/s", "peak RSS MB"],
      results.map((r) => [
        r.engine,
        r.seconds.toFixed(1),
        thousands(r.rows),
        thousands(Math.round(r.rows / r.seconds)),
        Math.round(r.peakRssMb),
      ]),
    ),
  );
  if (!serverUrl)
    console.log("(set DATABASE_URL or TEST_DATABASE_URL to measure server PostgreSQL too)");
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const size = (flag("--size") ?? "medium") as WorldSizeName;
if (!WORLD_SIZE_NAMES.includes(size)) {
  console.error(`--size must be one of ${WORLD_SIZE_NAMES.join(", ")}`);
  process.exit(2);
}
const env = loadEnv();
const serverUrl = env.DATABASE_URL ?? env.TEST_DATABASE_URL;
const childEngine = flag("--child");
if (childEngine) await child(childEngine, size, serverUrl);
else parent(size, serverUrl);
