// Benchmark: what the pg-boss case queue costs on server PostgreSQL, apart from the
// investigations themselves. Sends single case ids (intake's path), queues a batch
// at once (the sweeper's path), and drains jobs through a consumer whose work is
// instant, so the rate is the queue's own: fetch, the settled-case check, complete.
//
//   TEST_DATABASE_URL=postgres://… npx tsx bench/queue.ts [--jobs 2000] [--concurrency 8]
import { randomUUID } from "node:crypto";
import { quantile } from "../cli/eval/metrics.js";
import { table } from "../cli/format.js";
import { createLogger } from "../config/logger.js";
import { openBoss, queueTimings } from "../server/worker/pgboss.js";
import { createPgBossQueue } from "../server/worker/pgboss-queue.js";
import { benchArgs, withBenchDatabase } from "./harness.js";

const args = benchArgs();
if (!args.serverUrl) {
  console.error("bench/queue.ts needs server PostgreSQL: set TEST_DATABASE_URL or DATABASE_URL");
  process.exit(2);
}
const jobs = Number(args.flag("--jobs") ?? 2000);
const concurrency = Number(args.flag("--concurrency") ?? 8);
const logger = createLogger("silent");
const timings = queueTimings(30_000, undefined, { pollingIntervalSeconds: 0.5 });

const rows = await withBenchDatabase("postgres", args.serverUrl, async (db) => {
  const boss = await openBoss({ db, logger, timings, role: "worker" });
  try {
    const producer = createPgBossQueue({ boss, db, logger, timings });
    const sendMs: number[] = [];
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      await producer.enqueue(randomUUID());
      sendMs.push(performance.now() - started);
    }
    const batch = Array.from({ length: jobs }, () => randomUUID());
    const batchStarted = performance.now();
    await producer.enqueueMany(batch);
    const batchMs = performance.now() - batchStarted;
    const again = performance.now();
    await producer.enqueueMany(batch); // all waiting already: every one deduplicated
    const dedupeMs = performance.now() - again;

    const total = 500 + jobs;
    const drainStarted = performance.now();
    const consumer = createPgBossQueue({
      boss,
      db,
      logger,
      timings,
      consumer: { concurrency, work: async () => "stored" },
    });
    await consumer.idle();
    const drainS = (performance.now() - drainStarted) / 1000;
    await consumer.stop(1_000);
    return [
      [
        "enqueue one case, p50 / p95",
        `${quantile(sendMs, 0.5).toFixed(2)} / ${quantile(sendMs, 0.95).toFixed(2)} ms`,
      ],
      [`enqueueMany ${jobs} cases`, `${batchMs.toFixed(0)} ms`],
      [`enqueueMany ${jobs} cases already waiting`, `${dedupeMs.toFixed(0)} ms`],
      [`drain ${total} jobs, ${concurrency} at once`, `${(total / drainS).toFixed(0)} jobs/s`],
    ];
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
});
console.log(table(["pg-boss case queue (server PostgreSQL)", "measured"], rows));
