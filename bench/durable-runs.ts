// Benchmark: what durability costs. The same stored cases (case store, audit chain,
// recordings) run twice per engine: with LangGraph checkpoints kept in memory, and
// with the engine's durable checkpointer writing every step before the next starts
// (PGlite: DatabaseCheckpointSaver; server PostgreSQL: PostgresSaver as openCheckpointer
// configures it, BatchedPostgresSaver since 2026-12-03).
// Prints the time per case and what one checkpoint write adds per step.
//
//   npm run bench:durable                      # small world, 40 cases
//   npm run bench:durable -- --cases 100
import { MemorySaver } from "@langchain/langgraph";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { quantile } from "../cli/eval/metrics.js";
import { unflaggedSample } from "../cli/eval/run.js";
import { table } from "../cli/format.js";
import { createCaseRunner } from "../controller/run-case.js";
import { openCheckpointer } from "../db/checkpoint/open.js";
import { submitAndDrive } from "../server/intake.js";
import { seedWorld } from "../world/generate.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";

interface Measurement {
  engine: string;
  saver: string;
  cases: number;
  memoryP50: number;
  durableP50: number;
  memoryMean: number;
  durableMean: number;
  checkpointsPerCase: number;
  putMs: number;
  writesPerCase: number;
  putWritesMs: number;
}

/** Counts and times every call of one async method of `target`. */
function timeCalls<K extends string>(
  target: Record<K, (...args: never[]) => Promise<unknown>>,
  name: K,
) {
  const stats = { calls: 0, ms: 0 };
  const original = target[name].bind(target);
  target[name] = (async (...args: never[]) => {
    const started = performance.now();
    try {
      return await original(...args);
    } finally {
      stats.calls++;
      stats.ms += performance.now() - started;
    }
  }) as (typeof target)[K];
  return stats;
}

const { flag, serverUrl, childEngine } = benchArgs();
const cases = Number(flag("--cases") ?? 40);
if (!Number.isInteger(cases) || cases < 1) {
  console.error("usage: bench/durable-runs.ts [--cases N]");
  process.exit(2);
}

if (childEngine) {
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db, where) => {
    const { labels } = await seedWorld(db, { size: "small", seed: 42 });
    const primaries = labels.subjects.filter((s) => s.role === "primary");
    const subjects = [
      ...primaries,
      ...(await unflaggedSample(db, labels, Math.max(0, cases - primaries.length))),
    ].slice(0, cases);
    const durable = await openCheckpointer(db, { connectionString: where.url });
    const saver = durable.saver as unknown as Record<
      "put" | "putWrites",
      (...args: never[]) => Promise<unknown>
    >;
    const puts = timeCalls(saver, "put");
    const writes = timeCalls(saver, "putWrites");
    const pass = async (checkpointer: BaseCheckpointSaver, label: string) => {
      const runner = createCaseRunner(db, { warehouse: db, checkpointer });
      const times: number[] = [];
      for (const s of subjects) {
        const started = performance.now();
        await submitAndDrive(
          runner,
          db,
          { subject: s.subject, allegation: `bench ${label}` },
          { actor: "cli" },
        );
        times.push(performance.now() - started);
      }
      return times;
    };
    // Warm-up: category baselines and caches, not measured.
    await pass(new MemorySaver(), "warm-up");
    const memory = await pass(new MemorySaver(), "memory");
    const durableTimes = await pass(durable.saver, "durable");
    await durable.close();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      engine: childEngine,
      saver: durable.saver.constructor.name,
      cases: subjects.length,
      memoryP50: quantile(memory, 0.5),
      durableP50: quantile(durableTimes, 0.5),
      memoryMean: mean(memory),
      durableMean: mean(durableTimes),
      // Only the durable pass uses the durable saver: its counters cover that pass alone.
      checkpointsPerCase: puts.calls / subjects.length,
      putMs: puts.ms / Math.max(1, puts.calls),
      writesPerCase: writes.calls / subjects.length,
      putWritesMs: writes.ms / Math.max(1, writes.calls),
    };
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, ["--cases", String(cases)]);
  console.log(
    `durable runs: stored cases on the small world (seed 42), checkpoints in memory vs durable, ${new Date().toISOString()}`,
  );
  console.log(
    table(
      [
        "engine",
        "durable saver",
        "cases",
        "p50 memory ms",
        "p50 durable ms",
        "checkpoints/case",
        "ms per checkpoint",
        "pending writes/case",
        "ms per putWrites",
        "added ms per step",
      ],
      results.map((r) => [
        r.engine,
        r.saver,
        r.cases,
        r.memoryP50.toFixed(1),
        r.durableP50.toFixed(1),
        r.checkpointsPerCase.toFixed(1),
        r.putMs.toFixed(2),
        r.writesPerCase.toFixed(1),
        r.putWritesMs.toFixed(2),
        ((r.durableMean - r.memoryMean) / r.checkpointsPerCase).toFixed(2),
      ]),
    ),
  );
}
