// The sweeper: finds runs whose process died (their lease expired) and cases stored
// but left waiting (their queue entry died with another process, or with this one
// at a restart), and hands them to the queue, which ignores ids it already holds.
import type { Logger } from "../../config/logger.js";
import { abandonedRuns, queuedCases } from "../../db/repositories/runs.js";
import type { Database } from "../../db/types.js";
import type { CaseQueue } from "./case-queue.js";

export interface Sweeper {
  /** One sweep now; cases queued less than `minQueuedAgeMs` ago are left to their door. */
  sweep(minQueuedAgeMs: number): Promise<void>;
  stop(): void;
}

export function startSweeper(options: {
  db: Database;
  queue: CaseQueue;
  logger: Logger;
  everyMs: number;
  isStopping: () => boolean;
}): Sweeper {
  const { db, queue, logger } = options;
  async function sweep(minQueuedAgeMs: number): Promise<void> {
    try {
      const abandoned = (await abandonedRuns(db)).map((run) => run.caseId);
      await queue.enqueueMany([...abandoned, ...(await queuedCases(db, minQueuedAgeMs))]);
    } catch (error) {
      if (!options.isStopping())
        logger.warn({ error: (error as Error).message }, "sweep for waiting cases failed");
    }
  }
  const timer = setInterval(() => void sweep(3 * options.everyMs), options.everyMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
