// Benchmark: a seller's neighbourhood in the entity graph (tools/links/neighbourhood.ts)
// — how long one build takes, two hops out as the link-analysis agent reads it, over
// a fixed pseudo-random sample of sellers, with the degree profile (read once per
// as-of and shared by a process's cases) measured apart. Seeds a world into a fresh
// database per engine, or reads an already seeded embedded data directory.
//
//   npx tsx bench/neighbourhood.ts                          # medium world, seeded here
//   npx tsx bench/neighbourhood.ts --size small
//   npx tsx bench/neighbourhood.ts --data-dir .casehound    # a world seeded before
//   DATABASE_URL=postgres://... npx tsx bench/neighbourhood.ts --engine postgres
import { table, thousands } from "../cli/format.js";
import { openPglite } from "../db/pglite.js";
import type { Database } from "../db/types.js";
import { readDegreeProfile, readNeighbourhood } from "../tools/links/index.js";
import { seedWorld } from "../world/generate.js";
import { WORLD_SIZE_NAMES, type WorldSizeName } from "../world/sizes.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  orders: number;
  profileMs: number;
  sellers: number;
  p50: number;
  p95: number;
  max: number;
  meanNodes: number;
  meanEdges: number;
  seedSeconds: number | null;
}

const { flag, serverUrl, childEngine } = benchArgs();
const size = (flag("--size") ?? "medium") as WorldSizeName;
const dataDir = flag("--data-dir");
const SAMPLE = Number(flag("--sellers") ?? 200);
if (!WORLD_SIZE_NAMES.includes(size)) {
  console.error(`--size must be one of ${WORLD_SIZE_NAMES.join(", ")}`);
  process.exit(2);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(
  db: Database,
  engine: string,
  asOf: string,
  seedSeconds: number | null,
): Promise<Measurement> {
  let started = performance.now();
  const profile = await readDegreeProfile(db, asOf);
  const profileMs = performance.now() - started;
  const { rows: ids } = await db.query<{ seller_id: string }>(
    "SELECT seller_id FROM risk.sellers ORDER BY md5(seller_id) LIMIT $1",
    [SAMPLE],
  );
  // One warm-up build: plans and caches, as a running worker has them.
  if (ids[0]) await readNeighbourhood(db, ids[0].seller_id, asOf, profile);
  const times: number[] = [];
  let nodes = 0;
  let edges = 0;
  for (const { seller_id } of ids) {
    started = performance.now();
    const n = await readNeighbourhood(db, seller_id, asOf, profile);
    times.push(performance.now() - started);
    nodes += n.nodes.length;
    edges += n.edges.length;
  }
  times.sort((a, b) => a - b);
  const { rows: count } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM risk.orders",
  );
  return {
    engine,
    orders: Number(count[0]?.n),
    profileMs,
    sellers: ids.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times.at(-1) ?? 0,
    meanNodes: ids.length ? nodes / ids.length : 0,
    meanEdges: ids.length ? edges / ids.length : 0,
    seedSeconds,
  };
}

function print(results: Measurement[], what: string): void {
  console.log(`neighbourhood build (2 hops), ${what}, ${new Date().toISOString()}`);
  console.log(
    table(
      [
        "engine",
        "orders",
        "seeded in",
        "degree profile",
        "sellers",
        "p50",
        "p95",
        "max",
        "nodes",
        "edges",
      ],
      results.map((m) => [
        m.engine,
        thousands(m.orders),
        m.seedSeconds === null ? "-" : `${m.seedSeconds.toFixed(0)} s`,
        `${(m.profileMs / 1000).toFixed(1)} s`,
        m.sellers,
        `${m.p50.toFixed(0)} ms`,
        `${m.p95.toFixed(0)} ms`,
        `${m.max.toFixed(0)} ms`,
        m.meanNodes.toFixed(1),
        m.meanEdges.toFixed(1),
      ]),
    ),
  );
}

if (dataDir) {
  const db = await openPglite(dataDir);
  try {
    const { rows } = await db.query<{ as_of: Date }>(
      "SELECT as_of FROM casehound.warehouse_seeds ORDER BY as_of DESC LIMIT 1",
    );
    if (!rows[0]) throw new Error(`no seeded world in ${dataDir}`);
    print([await measure(db, "pglite", new Date(rows[0].as_of).toISOString(), null)], dataDir);
  } finally {
    await db.close();
  }
} else if (childEngine) {
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    const started = performance.now();
    const { labels } = await seedWorld(db, { size, seed: 42 });
    return measure(db, childEngine, labels.as_of, (performance.now() - started) / 1000);
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  print(
    runPerEngine<Measurement>(
      import.meta.url,
      serverUrl,
      ["--size", size],
      flag("--engine") as "pglite" | "postgres" | undefined,
    ),
    `${size} world (seed 42)`,
  );
}
