// Benchmark: ring-aware grouping (tools/links/) — how long the warehouse's degree
// profile, the shared-attribute read for batches of sellers and the clustering take,
// and how many rows and clusters come back. Seeds a world into a fresh database per
// engine, or reads an already seeded embedded data directory.
//
//   npx tsx bench/ring-clusters.ts                          # medium world, seeded here
//   npx tsx bench/ring-clusters.ts --size small
//   npx tsx bench/ring-clusters.ts --data-dir .casehound/pgdata   # a world seeded before
import { table, thousands } from "../cli/format.js";
import { openPglite } from "../db/pglite.js";
import type { Database } from "../db/types.js";
import {
  ATTRIBUTE_KINDS,
  clusterSellers,
  readDegreeProfile,
  readSharedAttributes,
} from "../tools/links/index.js";
import { seedWorld } from "../world/generate.js";
import { WORLD_SIZE_NAMES, type WorldSizeName } from "../world/sizes.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Row {
  step: string;
  sellers: number;
  seconds: number;
  rows: number;
  clusters: number | null;
}

interface Measurement {
  engine: string;
  orders: number;
  rows: Row[];
}

const { flag, serverUrl, childEngine } = benchArgs();
const size = (flag("--size") ?? "medium") as WorldSizeName;
const dataDir = flag("--data-dir");
const BATCHES = [50, 200, 1000];
if (!WORLD_SIZE_NAMES.includes(size)) {
  console.error(`--size must be one of ${WORLD_SIZE_NAMES.join(", ")}`);
  process.exit(2);
}

const seconds = (since: number) => (performance.now() - since) / 1000;

async function measure(db: Database, engine: string, asOf: string): Promise<Measurement> {
  const rows: Row[] = [];
  let started = performance.now();
  const profile = await readDegreeProfile(db, asOf);
  const sampled = ATTRIBUTE_KINDS.reduce((n, kind) => n + profile[kind].sampled, 0);
  rows.push({
    step: "degree profile",
    sellers: 0,
    seconds: seconds(started),
    rows: sampled,
    clusters: null,
  });
  for (const size of BATCHES) {
    // A fixed pseudo-random batch: the same sellers on every run of the same world.
    const { rows: ids } = await db.query<{ seller_id: string }>(
      "SELECT seller_id FROM risk.sellers ORDER BY md5(seller_id) LIMIT $1",
      [size],
    );
    started = performance.now();
    const read = await readSharedAttributes(
      db,
      ids.map((r) => r.seller_id),
      asOf,
      { profile },
    );
    rows.push({
      step: "read",
      sellers: ids.length,
      seconds: seconds(started),
      rows: read.attributes.length,
      clusters: null,
    });
    started = performance.now();
    const clusters = clusterSellers(read);
    rows.push({
      step: "cluster",
      sellers: ids.length,
      seconds: seconds(started),
      rows: read.attributes.length,
      clusters: clusters.length,
    });
  }
  const { rows: count } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM risk.orders",
  );
  return { engine, orders: Number(count[0]?.n), rows };
}

function print(results: Measurement[], what: string): void {
  console.log(`ring clustering, ${what}, ${new Date().toISOString()}`);
  for (const m of results) {
    console.log(`${m.engine}: ${thousands(m.orders)} orders`);
    console.log(
      table(
        ["step", "sellers", "seconds", "attribute rows", "clusters"],
        m.rows.map((r) => [
          r.step,
          r.sellers || "-",
          r.seconds.toFixed(2),
          thousands(r.rows),
          r.clusters ?? "-",
        ]),
      ),
    );
  }
}

if (dataDir) {
  const db = await openPglite(dataDir);
  try {
    const { rows } = await db.query<{ as_of: Date }>(
      "SELECT as_of FROM casehound.warehouse_seeds ORDER BY as_of DESC LIMIT 1",
    );
    if (!rows[0]) throw new Error(`no seeded world in ${dataDir}`);
    print([await measure(db, "pglite", rows[0].as_of.toISOString())], dataDir);
  } finally {
    await db.close();
  }
} else if (childEngine) {
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    const { labels } = await seedWorld(db, { size, seed: 42 });
    return measure(db, childEngine, labels.as_of);
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  print(
    runPerEngine<Measurement>(import.meta.url, serverUrl, ["--size", size]),
    `${size} world (seed 42)`,
  );
}
