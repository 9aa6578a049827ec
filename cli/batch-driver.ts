// Who drives a batch's cases while the CLI waits for them. The one place the CLI
// chooses a queue: today an in-process worker (the queue, its consumer and the
// sweeper) on both engines — on the embedded database nothing else can, since only
// one process opens it. On server PostgreSQL the durable queue (pg-boss) and its
// `casehound worker` processes go here instead.
import type { Logger } from "../config/logger.js";
import type { CaseRunner } from "../controller/run-case.js";
import type { Database } from "../db/types.js";
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
  });
  return { queue: worker.queue, stop: (graceMs) => worker.stop(graceMs) };
}
