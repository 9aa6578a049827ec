// The investigation queue's dead letters: a job whose retries ran out (its handler
// kept throwing before the runner could record anything, or its process kept dying)
// lands here. The case then ends failed with the queue's reason, unless it was
// decided or failed meanwhile or a live process holds its run; it is never left
// queued with no job to run it.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { Logger } from "../../config/logger.js";
import { failStrandedCase } from "../../db/repositories/stranded-cases.js";
import type { Database } from "../../db/types.js";
import { AppError, isAppError } from "../../domain/errors.js";

/** What a job carries: the case id, never the case's content. */
export const CaseJob = z.object({ caseId: z.string().trim().min(1).max(200) });
export type CaseJob = z.infer<typeof CaseJob>;

/** The case id a job names; a job that names none is refused with `bad_argument`. */
export function caseIdOf(job: PgBoss.Job<unknown>): string {
  const parsed = CaseJob.safeParse(job.data);
  if (!parsed.success)
    throw new AppError("bad_argument", `job ${job.id} carries no case id: ${parsed.error.message}`);
  return parsed.data.caseId;
}

function lastError(output: unknown): string {
  // A handler's error is stored as { message }; pg-boss's expiry as { value: { message } }.
  const shaped = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = shaped?.message ?? shaped?.value?.message;
  if (typeof message === "string" && message) return message;
  return output === null || output === undefined ? "no error recorded" : JSON.stringify(output);
}

export function deadLetterHandler(options: {
  db: Database;
  logger: Logger;
  now: () => Date;
}): (job: PgBoss.JobWithMetadata<unknown>) => Promise<void> {
  const { db, logger } = options;
  return async (job) => {
    let caseId: string;
    try {
      caseId = caseIdOf(job);
    } catch (error) {
      logger.warn({ job: job.id, error: (error as Error).message }, "dead letter names no case");
      return;
    }
    const reason = `the queue gave up on the case after ${job.retryLimit + 1} attempts (a worker's handler failed or its process died each time); last error: ${lastError(job.output)}`;
    try {
      const outcome = await failStrandedCase(db, caseId, reason, "queue", options.now());
      logger[outcome === "failed" ? "warn" : "info"](
        { caseId, outcome },
        outcome === "failed"
          ? "case failed: its investigation job ran out of retries"
          : "dead letter for a case that is settled or held by a live run: left as it is",
      );
    } catch (error) {
      if (!isAppError(error, "not_found")) throw error;
      logger.warn({ caseId }, "dead letter for a case that is not stored");
    }
  };
}
