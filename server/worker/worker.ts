// The worker: the queue, its consumer and the sweeper, with the process's last line.
// `serve` starts one beside the HTTP API; it needs no HTTP server of its own, so a
// batch or a standalone worker process starts it the same way.
import type { Logger } from "../../config/logger.js";
import type { CaseRunner } from "../../controller/run-case.js";
import type { Database } from "../../db/types.js";
import { installLastLine } from "../last-line.js";
import type { CaseQueue } from "./case-queue.js";
import { createCaseConsumer, type RunOutcome } from "./consumer.js";
import { createInProcessQueue } from "./in-process-queue.js";
import { startSweeper } from "./sweeper.js";

export interface WorkerOptions {
  db: Database;
  runner: CaseRunner;
  logger: Logger;
  /** Cases investigated at once. */
  concurrency: number;
  /** How often to look for runs whose process died. */
  sweepMs: number;
  onRunEnded?: (outcome: RunOutcome, seconds: number, decision?: string) => void;
  onSettled?: (caseId: string) => void;
}

export interface CaseWorker {
  queue: CaseQueue;
  /** Stops taking work; running cases get `graceMs`, then pause at a step boundary. */
  stop(graceMs: number): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<CaseWorker> {
  let stopping = false;
  const lastLine = installLastLine(options.logger);
  const queue = createInProcessQueue({
    concurrency: options.concurrency,
    work: createCaseConsumer(options),
  });
  const sweeper = startSweeper({
    db: options.db,
    queue,
    logger: options.logger,
    everyMs: options.sweepMs,
    isStopping: () => stopping,
  });
  // On start: every run whose process died and every case that never ran.
  await sweeper.sweep(0);
  return {
    queue,
    async stop(graceMs) {
      stopping = true;
      sweeper.stop();
      await queue.stop(graceMs);
      lastLine.uninstall();
    },
  };
}
