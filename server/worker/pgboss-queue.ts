// The case queue on pg-boss, shared by every process that reaches the same
// PostgreSQL. Jobs carry case ids only; a case already waiting is not queued twice.
// A consumer (a worker) runs up to `concurrency` cases at once: a run that decided,
// found its verdict stored, failed in the store, or found another process on it
// completes its job; a failure the runner could not record (the case is still
// queued or running) fails the job, which pg-boss retries with backoff and finally
// dead-letters; a run paused by a stop is queued again at once for another worker.
// Without a consumer (a producer: `serve --no-workers`, a CLI submitting) it only sends.
import type PgBoss from "pg-boss";
import type { Logger } from "../../config/logger.js";
import { getCase } from "../../db/repositories/cases.js";
import type { Database } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import type { CaseQueue, CaseWork, QueueStats } from "./case-queue.js";
import { CaseJob, caseIdOf, deadLetterHandler } from "./dead-letters.js";
import { startJobLoop } from "./job-loop.js";
import { DEAD_LETTER_QUEUE, INVESTIGATE_QUEUE, type QueueTimings } from "./pgboss.js";

export interface PgBossQueueOptions {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  timings: QueueTimings;
  /** Absent: a producer, which sends and never takes a job. */
  consumer?: { concurrency: number; work: CaseWork };
  now?: () => Date;
}

const INSERT_CHUNK = 1_000;

export function createPgBossQueue(options: PgBossQueueOptions): CaseQueue {
  const { boss, db, logger, timings, consumer } = options;
  if (consumer && (!Number.isInteger(consumer.concurrency) || consumer.concurrency < 1))
    throw new AppError("bad_argument", "queue concurrency must be a positive integer");
  const stopping = new AbortController();
  let closed = false;
  let waiting = 0;
  let lastLook = 0;

  function checked(caseId: string): string {
    const parsed = CaseJob.safeParse({ caseId });
    if (!parsed.success) throw new AppError("bad_argument", `not a case id: ${String(caseId)}`);
    return parsed.data.caseId;
  }

  async function send(caseIds: readonly string[]): Promise<void> {
    const unique = [...new Set(caseIds.map(checked))];
    try {
      if (unique.length === 1) {
        const caseId = unique[0] as string;
        await boss.send(INVESTIGATE_QUEUE, { caseId }, { singletonKey: caseId });
      } else
        for (let at = 0; at < unique.length; at += INSERT_CHUNK)
          await boss.insert(
            unique.slice(at, at + INSERT_CHUNK).map((caseId) => ({
              name: INVESTIGATE_QUEUE,
              data: { caseId },
              singletonKey: caseId,
            })),
          );
    } catch (error) {
      throw new AppError(
        "unavailable",
        `could not queue ${unique.length === 1 ? `case ${unique[0]}` : `${unique.length} cases`} (${(error as Error).message}); stored as queued, a worker's sweeper queues them`,
        { cause: error },
      );
    }
    investigations?.wake();
  }

  async function investigate(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const caseId = caseIdOf(job);
    const before = await getCase(db, caseId);
    if (!before || (before.status !== "queued" && before.status !== "running")) {
      // A stale copy (a retry of a job whose case was settled meanwhile): a failed case
      // is not investigated again behind the analyst's back, a decided one has its verdict.
      logger.info(
        { caseId, job: job.id, status: before?.status ?? "not stored" },
        "investigation job for a settled case: nothing to do",
      );
      return;
    }
    const started = performance.now();
    const outcome = await (consumer as NonNullable<typeof consumer>).work(caseId, stopping.signal);
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    logger.info({ caseId, job: job.id, outcome, seconds }, "investigation job ended");
    if (outcome === "paused") {
      // Its lease is released and its steps checkpointed: another worker resumes it now.
      await send([caseId]).catch((error: Error) =>
        logger.warn({ caseId, error: error.message }, "paused case not queued again"),
      );
    } else if (outcome === "failed") {
      const stored = await getCase(db, caseId);
      if (stored && (stored.status === "queued" || stored.status === "running"))
        throw new AppError(
          "internal",
          `case ${caseId} is still ${stored.status} after its run failed before the failure was recorded`,
        );
    }
  }

  const investigations = consumer
    ? startJobLoop({
        boss,
        queue: INVESTIGATE_QUEUE,
        slots: consumer.concurrency,
        pollMs: timings.pollingIntervalSeconds * 1000,
        logger,
        handle: investigate,
      })
    : undefined;
  const deadLetters = consumer
    ? startJobLoop({
        boss,
        queue: DEAD_LETTER_QUEUE,
        slots: 1,
        pollMs: timings.pollingIntervalSeconds * 1000,
        logger,
        handle: deadLetterHandler({
          db,
          logger,
          now: options.now ?? (() => new Date()),
        }),
      })
    : undefined;

  async function pending(): Promise<number> {
    // created and retry (waiting), and active (running somewhere)
    return (await boss.getQueueSize(INVESTIGATE_QUEUE, { before: "completed" })) ?? 0;
  }

  function refreshWaiting(): void {
    if (Date.now() - lastLook < 1_000) return;
    lastLook = Date.now();
    boss.getQueueSize(INVESTIGATE_QUEUE).then(
      (size) => {
        waiting = size ?? waiting;
      },
      () => {}, // the gauge keeps its last value
    );
  }

  return {
    async enqueue(caseId) {
      if (closed) throw new AppError("unavailable", "the queue is stopping; the case stays stored");
      await send([caseId]);
    },
    async enqueueMany(caseIds) {
      if (closed) throw new AppError("unavailable", "the queue is stopping; the cases stay stored");
      if (caseIds.length > 0) await send(caseIds);
    },
    stats(): QueueStats {
      refreshWaiting();
      return { waiting, running: investigations?.running() ?? 0 };
    },
    async idle() {
      while ((investigations?.running() ?? 0) > 0 || (await pending()) > 0)
        await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async stop(graceMs) {
      if (closed) return;
      closed = true;
      const draining = Promise.all([investigations?.stop(), deadLetters?.stop()]);
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([draining, grace]);
      clearTimeout(timer);
      // Runs still going stop at their next step boundary; their cases are queued again.
      stopping.abort(new AppError("unavailable", "shutting down"));
      await draining;
    },
  };
}
