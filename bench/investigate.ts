// Benchmark: investigation latency per case (offline mode), on embedded PGlite and
// server PostgreSQL. Seeds the world, computes the category baselines once (timed
// separately: a warehouse does this once per as-of day), then investigates every
// escalated subject plus unflagged sellers and prints p50/p95.
//
//   npm run bench:investigate                  # medium world
//   npm run bench:investigate -- --size small --cases 60
import { quantile } from "../cli/eval/metrics.js";
import { unflaggedSample } from "../cli/eval/run.js";
import { table } from "../cli/format.js";
import { createInvestigator } from "../controller/investigate.js";
import { seedWorld } from "../world/generate.js";
import type { WorldSizeName } from "../world/sizes.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  cases: number;
  baselineSeconds: number;
  p50: number;
  p95: number;
  mean: number;
  queriesPerCase: number;
}

const { flag, serverUrl, childEngine } = benchArgs();
const size = (flag("--size") ?? "medium") as WorldSizeName;
const cases = Number(flag("--cases") ?? 100);
if (!["small", "medium", "large"].includes(size) || !Number.isInteger(cases) || cases < 1) {
  console.error("usage: bench/investigate.ts [--size small|medium|large] [--cases N]");
  process.exit(2);
}

if (childEngine) {
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    const { labels } = await seedWorld(db, { size, seed: 42 });
    const investigate = createInvestigator({ warehouse: db });
    const primaries = labels.subjects.filter((s) => s.role === "primary");
    const subjects = [
      ...primaries,
      ...(await unflaggedSample(db, labels, Math.max(0, cases - primaries.length))),
    ].slice(0, cases);
    const first = subjects[0];
    if (!first) throw new Error("the world has no subjects to investigate");
    const warm = performance.now();
    await investigate({ subject: first.subject, allegation: "warm-up" });
    const baselineSeconds = (performance.now() - warm) / 1000;
    const times: number[] = [];
    let queries = 0;
    for (const s of subjects) {
      const started = performance.now();
      const { verdict } = await investigate({
        subject: s.subject,
        allegation: "Flagged for review",
      });
      times.push(performance.now() - started);
      queries += verdict.budgets_used.sql_queries;
    }
    return {
      engine: childEngine,
      cases: times.length,
      baselineSeconds,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      queriesPerCase: queries / times.length,
    };
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, [
    "--size",
    size,
    "--cases",
    String(cases),
  ]);
  console.log(
    `investigation latency, ${size} world (seed 42), offline mode, ${new Date().toISOString()}`,
  );
  console.log(
    table(
      ["engine", "cases", "p50 ms", "p95 ms", "mean ms", "SQL/case", "baselines s (once)"],
      results.map((r) => [
        r.engine,
        r.cases,
        r.p50.toFixed(0),
        r.p95.toFixed(0),
        r.mean.toFixed(0),
        r.queriesPerCase.toFixed(1),
        r.baselineSeconds.toFixed(1),
      ]),
    ),
  );
  console.log("goals: p50 ≤ 300 ms on PGlite, ≤ 100 ms on server PostgreSQL");
  if (!serverUrl)
    console.log("(set DATABASE_URL or TEST_DATABASE_URL to measure server PostgreSQL too)");
}
