// Benchmark: how long a demo world takes to load, and the peak memory of the
// process doing it, on embedded PGlite and on server PostgreSQL.
//
//   npm run bench:seed                 # medium world, PGlite, and PostgreSQL if configured
//   npm run bench:seed -- --size small
import { table, thousands } from "../cli/format.js";
import { seedWorld } from "../world/generate.js";
import { WORLD_SIZE_NAMES, type WorldSizeName } from "../world/sizes.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  seconds: number;
  rows: number;
  peakRssMb: number;
}

const { flag, serverUrl, childEngine } = benchArgs();
const size = (flag("--size") ?? "medium") as WorldSizeName;
if (!WORLD_SIZE_NAMES.includes(size)) {
  console.error(`--size must be one of ${WORLD_SIZE_NAMES.join(", ")}`);
  process.exit(2);
}

if (childEngine) {
  const started = performance.now();
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    const result = await seedWorld(db, { size, seed: 42 });
    const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
    return {
      engine: childEngine,
      seconds: (performance.now() - started) / 1000,
      rows,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, ["--size", size]);
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
