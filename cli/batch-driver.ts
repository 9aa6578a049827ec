// Who drives a batch's cases, the one place the CLI chooses a queue. While the CLI
// waits (`--wait`, `batch wait`) it runs a worker itself: on the embedded database
// nothing else can, since only one process opens it; on server PostgreSQL that
// worker takes jobs from the shared pg-boss queue beside any `casehound worker`.
// Without waiting, on server PostgreSQL the cases go straight onto the shared queue
// for the workers (a producer only); on the embedded database they stay stored as
// queued for `batch wait` or `serve`.
import type { Logger } from "../config/logger.js";
import type { CaseRunner } from "../controller/run-case.js";
import type { Database, Queryable } from "../db/types.js";
import type { CaseQueue } from "../server/worker/case-queue.js";

export interface BatchDriver {
  /** Where intake hands new cases (batch create --wait). */
  queue: CaseQueue;
  /** Stops taking work; running cases get `graceMs`, then pause at a step boundary. */
  stop(graceMs: number): Promise<void>;
}

export async function startBatchDriver(options: {
  db: Database;
  runner: CaseRunner;
  logger: Logger;
  /** Cases investigated at once. */
  concurrency: number;
  /** Told when a case's run ends (the wait loop looks again at once). */
  onSettled: (caseId: string) => void;
  /** Where the risk tables are read when a batch finishes and is clustered. */
  warehouse?: Queryable;
}): Promise<BatchDriver> {
  const { startWorker } = await import("../server/worker/worker.js");
  // On start the worker's sweep queues every stored case still waiting, the batch's among them.
  const worker = await startWorker({
    db: options.db,
    runner: options.runner,
    logger: options.logger,
    concurrency: options.concurrency,
    sweepMs: 1_000,
    onSettled: options.onSettled,
    ...(options.warehouse ? { warehouse: options.warehouse } : {}),
  });
  return { queue: worker.queue, stop: (graceMs) => worker.stop(graceMs) };
}

/** Where a batch created without waiting hands its cases: the shared queue on server PostgreSQL, none on PGlite. */
export async function batchProducer(options: {
  db: Database;
  logger: Logger;
  leaseMs: number;
}): Promise<CaseQueue | undefined> {
  if (options.db.engine !== "postgres") return undefined;
  const { openProducerQueue } = await import("../server/worker/worker.js");
  return openProducerQueue(options);
}
