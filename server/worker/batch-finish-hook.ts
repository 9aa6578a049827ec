// The worker's part in finishing batches: after a case settles, if it belongs to a
// batch, one cheap look (does any row of that batch still wait or run?) and, when
// none does, the batch's finish step (server/batch/finish.ts: clusters stored once,
// inconsistent clusters re-investigated once). Checks run one after another in the
// background, so a case's run never waits on them; a failure is logged, and the
// next case of the batch to settle (or `batch wait`) tries again.
import type { Logger } from "../../config/logger.js";
import { batchOfCase, batchUnsettled } from "../../db/repositories/batch-clusters.js";
import type { Database, Queryable } from "../../db/types.js";
import type { CaseInput } from "../../domain/case.js";
import { finishBatch } from "../batch/finish.js";
import type { BatchNotifier } from "../batch/notifier.js";
import type { CaseQueue } from "./case-queue.js";

export interface BatchFinishHook {
  /** Told that a case's run ended. */
  settled(caseId: string): void;
  /** Resolves when the checks asked for so far are done. */
  drain(): Promise<void>;
}

export function createBatchFinishHook(options: {
  db: Database;
  warehouse: Queryable;
  admit: (request: CaseInput) => Promise<void>;
  /** The worker's queue, where re-review cases go (before it exists, the sweeper queues them). */
  queue: () => CaseQueue | undefined;
  logger: Logger;
  now: () => Date;
  /** Told when a batch has nothing left to run. */
  notifier?: BatchNotifier | undefined;
}): BatchFinishHook {
  const { db, logger } = options;
  let chain: Promise<void> = Promise.resolve();

  async function check(caseId: string): Promise<void> {
    const batchId = await batchOfCase(db, caseId);
    if (batchId === null || (await batchUnsettled(db, batchId))) return;
    const queue = options.queue();
    const outcome = await finishBatch(
      {
        intake: { db, admit: options.admit, ...(queue ? { queue } : {}), now: options.now },
        warehouse: options.warehouse,
        notifier: options.notifier,
      },
      batchId,
    );
    if (outcome.stored || outcome.submitted > 0)
      logger.info(
        {
          batchId,
          clusters: outcome.clusters.length,
          inconsistent: outcome.clusters.filter((c) => c.inconsistent).length,
          reinvestigations: outcome.submitted,
        },
        "batch finished: clusters stored",
      );
  }

  return {
    settled(caseId) {
      chain = chain
        .then(() => check(caseId))
        .catch((error: Error) =>
          logger.warn({ caseId, error: error.message }, "batch finish step failed; retried later"),
        );
    },
    drain: () => chain,
  };
}
