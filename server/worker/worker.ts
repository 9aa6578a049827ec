// The worker: the queue, its consumer and the sweeper, with the process's last line.
// The engine chooses the queue: pg-boss on server PostgreSQL, shared by every worker
// process on every machine that reaches the database; the in-process queue on the
// embedded database, which only one process can open. `serve` starts one beside the
// HTTP API; `casehound worker` starts one on its own; a process that only submits
// opens a producer (`openProducerQueue`).
import type { Logger } from "../../config/logger.js";
import { type CaseRunner, DEFAULT_LEASE_MS } from "../../controller/run-case.js";
import type { Database, Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import type { BatchNotifier } from "../batch/notifier.js";
import { installLastLine } from "../last-line.js";
import {
  BASELINES_QUEUE_SETTINGS,
  type RefreshBaselines,
  startBaselinesSchedule,
} from "./baselines-schedule.js";
import { createBatchFinishHook } from "./batch-finish-hook.js";
import type { CaseQueue, CaseWork } from "./case-queue.js";
import { createCaseConsumer, type RunOutcome } from "./consumer.js";
import { createInProcessQueue } from "./in-process-queue.js";
import { openBoss, type QueueTimings, queueTimings } from "./pgboss.js";
import { createPgBossQueue } from "./pgboss-queue.js";
import { startSweeper } from "./sweeper.js";

export interface WorkerOptions {
  db: Database;
  runner: CaseRunner;
  logger: Logger;
  /** Cases investigated at once (in this process). */
  concurrency: number;
  /** How often to look for runs whose process died. */
  sweepMs: number;
  /** The runner's lease (CASEHOUND_RUN_LEASE_MS): a job outlives it (pg-boss). */
  leaseMs?: number;
  /** The longest one attempt at a run may take (the runner's hard deadline; pg-boss). */
  hardDeadlineMs?: number;
  /** Shorter queue timings (tests). */
  queueTimings?: Partial<QueueTimings>;
  /**
   * Refreshes the indicator baselines as of an instant. On pg-boss it runs daily at
   * 00:05 UTC on one worker of all those sharing the database; the embedded database
   * does not schedule it.
   */
  refreshBaselines?: RefreshBaselines;
  /** When the refresh runs (a cron expression in UTC; default daily at 00:05). */
  baselinesCron?: string;
  /** How often pg-boss's cron clock looks at the schedules (tests shorten it). */
  cronMonitorIntervalSeconds?: number;
  onRunEnded?: (outcome: RunOutcome, seconds: number, decision?: string) => void;
  onSettled?: (caseId: string) => void;
  /**
   * Where the risk tables are read when a batch finishes and its sellers are
   * clustered (server/batch/finish.ts); default the app database.
   */
  warehouse?: Queryable;
  /** Told when a batch has nothing left to run (the Slack bot posts its summary). */
  batchNotifier?: BatchNotifier | undefined;
}

export interface CaseWorker {
  queue: CaseQueue;
  /** Which queue the engine chose. */
  kind: "pg-boss" | "in-process";
  /** Stops taking work; running cases get `graceMs`, then pause at a step boundary. */
  stop(graceMs: number): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<CaseWorker> {
  const { db, logger } = options;
  let stopping = false;
  let started: CaseQueue | undefined;
  // After a case of a batch settles: has its batch finished? Then cluster it (once).
  const batches = createBatchFinishHook({
    db,
    warehouse: options.warehouse ?? db,
    admit: (request) => options.runner.admit(request),
    queue: () => started,
    logger,
    now: () => new Date(),
    notifier: options.batchNotifier,
  });
  const work = createCaseConsumer({
    ...options,
    onSettled: (caseId) => {
      options.onSettled?.(caseId);
      batches.settled(caseId);
    },
  });
  const { queue, close } =
    db.engine === "postgres"
      ? await pgBossWorkerQueue(options, work)
      : {
          queue: createInProcessQueue({ concurrency: options.concurrency, work }),
          close: async () => {},
        };
  started = queue;
  const lastLine = installLastLine(logger);
  const sweeper = startSweeper({
    db,
    queue,
    logger,
    everyMs: options.sweepMs,
    isStopping: () => stopping,
  });
  // On start: every run whose process died and every case that never ran.
  await sweeper.sweep(0);
  return {
    queue,
    kind: db.engine === "postgres" ? "pg-boss" : "in-process",
    async stop(graceMs) {
      stopping = true;
      sweeper.stop();
      await queue.stop(graceMs);
      await batches.drain();
      await close(graceMs);
      lastLine.uninstall();
    },
  };
}

/** The pg-boss queue with a consumer, and the baseline schedule when there is a refresh. */
async function pgBossWorkerQueue(
  options: WorkerOptions,
  work: CaseWork,
): Promise<{ queue: CaseQueue; close(graceMs: number): Promise<void> }> {
  const { db, logger, refreshBaselines } = options;
  const timings = queueTimings(
    options.leaseMs ?? DEFAULT_LEASE_MS,
    options.hardDeadlineMs,
    options.queueTimings,
  );
  const boss = await openBoss({
    db,
    logger,
    timings,
    role: "worker",
    schedules: refreshBaselines !== undefined,
    queues: refreshBaselines ? [BASELINES_QUEUE_SETTINGS] : [],
    ...(options.cronMonitorIntervalSeconds
      ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds }
      : {}),
  });
  const halt = () => boss.stop({ graceful: false, close: false });
  try {
    const queue = createPgBossQueue({
      boss,
      db,
      logger,
      timings,
      consumer: { concurrency: options.concurrency, work },
    });
    const schedule = refreshBaselines
      ? await startBaselinesSchedule({
          boss,
          logger,
          refresh: refreshBaselines,
          ...(options.baselinesCron ? { cron: options.baselinesCron } : {}),
          pollMs: timings.pollingIntervalSeconds * 1000,
        })
      : undefined;
    return {
      queue,
      async close(graceMs) {
        // A refresh has no step boundary to pause at: it gets the grace, then its
        // job is left to expire and come back to a worker.
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<"late">((resolve) => {
          timer = setTimeout(() => resolve("late"), graceMs);
        });
        if ((await Promise.race([schedule?.stop(), late])) === "late")
          logger.warn("the baseline refresh is still running at stop; its job will be retried");
        clearTimeout(timer);
        await halt();
      },
    };
  } catch (error) {
    await halt().catch(() => {});
    throw error;
  }
}

/**
 * A queue for a process that submits cases and runs none (`serve --no-workers`, a
 * CLI submitting a batch): pg-boss on server PostgreSQL, where workers elsewhere
 * take the cases. The embedded database has no such mode: only one process can
 * open it, so the process that stores a case must also run it.
 */
export async function openProducerQueue(options: {
  db: Database;
  logger: Logger;
  leaseMs?: number;
}): Promise<CaseQueue> {
  if (options.db.engine !== "postgres")
    throw new AppError(
      "bad_argument",
      "submitting without workers needs server PostgreSQL (DATABASE_URL) and workers that reach it; on the embedded database the process that stores a case runs it",
    );
  const timings = queueTimings(options.leaseMs ?? DEFAULT_LEASE_MS);
  const boss = await openBoss({ ...options, timings, role: "producer" });
  const queue = createPgBossQueue({ boss, db: options.db, logger: options.logger, timings });
  return {
    ...queue,
    async stop(graceMs) {
      await queue.stop(graceMs);
      await boss.stop({ graceful: false, close: false });
    },
  };
}
