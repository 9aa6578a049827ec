// Benchmark: similar-seller search. On a seeded world, one baseline refresh (which
// now stores every seller's profile: how long that part took is its own column);
// then, for a sample of sellers, the top-10 neighbour query through the HNSW index
// at a few search widths (ef_search) against the exact query (every profile of the
// snapshot measured): latency p50/p95 and recall@10 (ties at the 10th distance
// count as found). The whole call (snapshot, profile, neighbours, past verdicts) is
// timed too, at the default width.
//
//   npm run bench:similar                              # medium world, every engine
//   npm run bench:similar -- --size small --sellers 200 --only pglite
import { quantile } from "../cli/eval/metrics.js";
import { table } from "../cli/format.js";
import { readSellerProfile } from "../db/repositories/seller-profiles.js";
import type { Database } from "../db/types.js";
import { refreshBaselineSnapshot } from "../tools/indicators/snapshots.js";
import { DEFAULT_EF_SEARCH, recallAtK, similarSellers } from "../tools/similar/index.js";
import {
  EXACT_SQL,
  HNSW_SQL,
  hnswSettings,
  type NeighbourRow,
  runSearch,
} from "../tools/similar/search-sql.js";
import { seedWorld } from "../world/generate.js";
import type { WorldSizeName } from "../world/sizes.js";
import { type BenchEngine, benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

const K = 10;
const WIDTHS = [10, DEFAULT_EF_SEARCH, 100, 200];

interface Width {
  efSearch: number;
  p50: number;
  p95: number;
  recall: number;
  /** Share of sellers whose answer had every exact neighbour. */
  perfect: number;
}

interface Measurement {
  engine: string;
  sellers: number;
  sampled: number;
  seedSeconds: number;
  refreshSeconds: number;
  profileSeconds: number;
  exactP50: number;
  exactP95: number;
  widths: Width[];
  callP50: number;
  callP95: number;
}

const { flag, serverUrl, childEngine } = benchArgs();
const size = (flag("--size") ?? "medium") as WorldSizeName;
const sampleSize = Number(flag("--sellers") ?? 500);
const only = flag("--only") as BenchEngine | undefined;
if (
  !["small", "medium", "large"].includes(size) ||
  !Number.isInteger(sampleSize) ||
  sampleSize < 10 ||
  (only !== undefined && only !== "pglite" && only !== "postgres")
) {
  console.error(
    "usage: bench/similar.ts [--size small|medium|large] [--sellers N ≥ 10] [--only pglite|postgres]",
  );
  process.exit(2);
}

const ms = (started: number) => performance.now() - started;

async function timed(fn: () => Promise<NeighbourRow[]>): Promise<[NeighbourRow[], number]> {
  const started = performance.now();
  const rows = await fn();
  return [rows, ms(started)];
}

async function measure(db: Database, asOf: string, seedSeconds: number): Promise<Measurement> {
  const refreshed = await refreshBaselineSnapshot(db, db, asOf);
  // Every n-th seller by id: a spread over categories and activity, the same each run.
  const { rows } = await db.query<{ seller_id: string }>(
    `SELECT seller_id FROM (SELECT seller_id, row_number() OVER (ORDER BY seller_id) AS n
       FROM casehound.seller_profiles WHERE snapshot_id = $1) s
     WHERE n % greatest(1, (SELECT count(*) FROM casehound.seller_profiles WHERE snapshot_id = $1) / $2) = 0
     LIMIT $2`,
    [refreshed.id, sampleSize],
  );
  const sample = rows.map((r) => r.seller_id);
  const params = new Map<string, unknown[]>();
  for (const seller of sample) {
    const own = await readSellerProfile(db, refreshed.id, seller);
    params.set(seller, [refreshed.id, `[${own?.profile.join(",")}]`, seller, K]);
  }
  const exact = new Map<string, NeighbourRow[]>();
  const exactTimes: number[] = [];
  for (const seller of sample.slice(0, 20))
    await runSearch(db, EXACT_SQL, params.get(seller) ?? [], {});
  for (const seller of sample) {
    const [found, t] = await timed(() => runSearch(db, EXACT_SQL, params.get(seller) ?? [], {}));
    exact.set(seller, found);
    exactTimes.push(t);
  }
  const ranked = (rows: NeighbourRow[]) =>
    rows.map((r) => ({ sellerId: r.seller_id, distance: r.distance }));
  const widths: Width[] = [];
  for (const efSearch of WIDTHS) {
    const settings = hnswSettings(efSearch);
    for (const seller of sample.slice(0, 20))
      await runSearch(db, HNSW_SQL, params.get(seller) ?? [], settings);
    const times: number[] = [];
    const recalls: number[] = [];
    for (const seller of sample) {
      const [found, t] = await timed(() =>
        runSearch(db, HNSW_SQL, params.get(seller) ?? [], settings),
      );
      times.push(t);
      recalls.push(recallAtK(ranked(found), ranked(exact.get(seller) ?? []), K));
    }
    widths.push({
      efSearch,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      recall: recalls.reduce((a, b) => a + b, 0) / recalls.length,
      perfect: recalls.filter((r) => r === 1).length / recalls.length,
    });
  }
  const calls: number[] = [];
  for (const seller of sample) {
    const started = performance.now();
    await similarSellers(db, seller, { asOf, k: K });
    calls.push(ms(started));
  }
  return {
    engine: db.engine,
    sellers: refreshed.profiles,
    sampled: sample.length,
    seedSeconds,
    refreshSeconds: refreshed.seconds,
    profileSeconds: refreshed.profileSeconds,
    exactP50: quantile(exactTimes, 0.5),
    exactP95: quantile(exactTimes, 0.95),
    widths,
    callP50: quantile(calls, 0.5),
    callP95: quantile(calls, 0.95),
  };
}

if (childEngine) {
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    const started = performance.now();
    const { labels } = await seedWorld(db, { size, seed: 42 });
    return measure(db, labels.as_of, ms(started) / 1000);
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const args = ["--size", size, "--sellers", String(sampleSize)];
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, args, only);
  console.log(`similar sellers, ${size} world (seed 42), top-${K}, ${new Date().toISOString()}`);
  console.log(
    table(
      ["engine", "sellers", "seed s", "refresh s", "of which profiles s", "sampled"],
      results.map((r) => [
        r.engine,
        r.sellers,
        r.seedSeconds.toFixed(1),
        (r.refreshSeconds + r.profileSeconds).toFixed(1),
        r.profileSeconds.toFixed(2),
        r.sampled,
      ]),
    ),
  );
  console.log(
    table(
      ["engine", "search", "p50 ms", "p95 ms", "recall@10", "all 10 found"],
      results.flatMap((r) => [
        [r.engine, "exact", r.exactP50.toFixed(2), r.exactP95.toFixed(2), "1.000", "100%"],
        ...r.widths.map((w) => [
          r.engine,
          `hnsw ef_search=${w.efSearch}`,
          w.p50.toFixed(2),
          w.p95.toFixed(2),
          w.recall.toFixed(3),
          `${(w.perfect * 100).toFixed(1)}%`,
        ]),
        [
          r.engine,
          `whole call (ef_search=${DEFAULT_EF_SEARCH})`,
          r.callP50.toFixed(2),
          r.callP95.toFixed(2),
          "",
          "",
        ],
      ]),
    ),
  );
  if (!serverUrl)
    console.log("(set DATABASE_URL or TEST_DATABASE_URL to measure server PostgreSQL too)");
}
