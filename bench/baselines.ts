// Benchmark: baseline snapshots. On a seeded world, times one refresh (every
// indicator's category baselines, one set-based job); then, with the warehouse made
// to look like one casehound did not seed (so a case's default as-of is now), times
// the first case — no snapshot: it computes one for its as-of — and the cases after
// it, which find that snapshot and only read its rows.
//
//   npm run bench:baselines                          # small world, every engine
//   npm run bench:baselines -- --size medium --cases 10 --only postgres
import { quantile } from "../cli/eval/metrics.js";
import { unflaggedSample } from "../cli/eval/run.js";
import { table } from "../cli/format.js";
import { createInvestigator } from "../controller/investigate.js";
import { refreshBaselineSnapshot } from "../tools/indicators/snapshots.js";
import { seedWorld } from "../world/generate.js";
import type { WorldSizeName } from "../world/sizes.js";
import { type BenchEngine, benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  orders: number;
  sellers: number;
  indicators: number;
  refreshSeconds: number;
  /** The first case with the default as-of (now) and no snapshot: it computes one. */
  absentMs: number;
  /** The cases after it, which compare against that snapshot. */
  presentP50: number;
  presentMax: number;
  cases: number;
  computations: number;
}

const { flag, serverUrl, childEngine } = benchArgs();
const size = (flag("--size") ?? "small") as WorldSizeName;
const cases = Number(flag("--cases") ?? 10);
const only = flag("--only") as BenchEngine | undefined;
if (
  !["small", "medium", "large"].includes(size) ||
  !Number.isInteger(cases) ||
  cases < 2 ||
  (only !== undefined && only !== "pglite" && only !== "postgres")
) {
  console.error(
    "usage: bench/baselines.ts [--size small|medium|large] [--cases N ≥ 2] [--only pglite|postgres]",
  );
  process.exit(2);
}

if (childEngine) {
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    const { labels, rowCounts } = await seedWorld(db, { size, seed: 42 });
    const refreshed = await refreshBaselineSnapshot(db, db, labels.as_of);
    const subjects = [
      ...labels.subjects.filter((s) => s.role === "primary"),
      ...(await unflaggedSample(db, labels, cases)),
    ].slice(0, cases);
    const first = subjects[0];
    if (!first) throw new Error("the world has no subjects to investigate");
    // One case first (as of the world, on its snapshot) so the timed ones run warm.
    await createInvestigator({ warehouse: db })({
      subject: first.subject,
      allegation: "warm-up",
      asOf: labels.as_of,
    });
    // A warehouse casehound did not seed: a case's default as-of is now, and the
    // world's snapshot (tied to its seed) is not for it.
    await db.query("DELETE FROM casehound.warehouse_seeds");
    let computations = 0;
    const investigate = createInvestigator({
      warehouse: db,
      baselines: { onCompute: () => computations++ },
    });
    const times: number[] = [];
    for (const s of subjects) {
      const started = performance.now();
      await investigate({ subject: s.subject, allegation: "Flagged for review" });
      times.push(performance.now() - started);
    }
    const present = times.slice(1);
    return {
      engine: childEngine,
      orders: rowCounts.orders ?? 0,
      sellers: refreshed.sellers,
      indicators: refreshed.indicators,
      refreshSeconds: refreshed.seconds,
      absentMs: times[0] ?? 0,
      presentP50: quantile(present, 0.5),
      presentMax: Math.max(...present),
      cases: times.length,
      computations,
    };
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const args = ["--size", size, "--cases", String(cases)];
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, args, only);
  console.log(
    `baseline snapshots, ${size} world (seed 42), offline mode, ${new Date().toISOString()}`,
  );
  console.log(
    table(
      [
        "engine",
        "orders",
        "sellers",
        "indicators",
        "refresh s",
        "case, no snapshot ms",
        "case, snapshot p50 ms",
        "max ms",
        "cases",
        "computed",
      ],
      results.map((r) => [
        r.engine,
        r.orders,
        r.sellers,
        r.indicators,
        r.refreshSeconds.toFixed(2),
        r.absentMs.toFixed(0),
        r.presentP50.toFixed(0),
        r.presentMax.toFixed(0),
        r.cases,
        r.computations,
      ]),
    ),
  );
  console.log(
    "a case's default as-of is now (the warehouse looks unseeded); only the first computes a snapshot",
  );
  if (!serverUrl)
    console.log("(set DATABASE_URL or TEST_DATABASE_URL to measure server PostgreSQL too)");
}
