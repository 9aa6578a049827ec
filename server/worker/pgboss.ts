// pg-boss on the app's own PostgreSQL: its tables live in schema `casehound_queue`
// (beside, never inside, the schemas our migrations own) and it talks through the
// app's connection pool. The investigation queue keeps one waiting job per case
// (policy `short` with the case id as singleton key), retries a job whose handler
// threw or whose process died, with backoff, and moves a job whose retries ran out
// to its dead letters, where a worker ends the case failed (dead-letters.ts).
import PgBoss from "pg-boss";
import type { Logger } from "../../config/logger.js";
import type { Database } from "../../db/types.js";
import { DEFAULT_BUDGET } from "../../domain/budget.js";
import { AppError } from "../../domain/errors.js";

export const QUEUE_SCHEMA = "casehound_queue";
export const INVESTIGATE_QUEUE = "casehound-investigate";
export const DEAD_LETTER_QUEUE = "casehound-investigate-dead";

export interface QueueTimings {
  /**
   * How long a job may stay active before pg-boss counts its process dead and
   * retries it: longer than one attempt at a run may take (its hard deadline) plus
   * a lease, so a live run is never retried beside itself.
   */
  expireInSeconds: number;
  /** Retries after the first attempt; then the job goes to the dead letters. */
  retryLimit: number;
  /** The first retry's delay; each later one doubles it (with jitter). */
  retryDelaySeconds: number;
  /** How often an idle worker looks for jobs queued by other processes (≥ 0.5 s). */
  pollingIntervalSeconds: number;
  /** How often pg-boss expires, archives and purges jobs (one instance at a time). */
  maintenanceIntervalSeconds: number;
}

/** pg-boss refuses an expiry of 24 hours or more. */
const MAX_EXPIRY_SECONDS = 23 * 3600;

/** The timings for runs with leases of `leaseMs` that may take up to `hardDeadlineMs`. */
export function queueTimings(
  leaseMs: number,
  hardDeadlineMs = 3 * DEFAULT_BUDGET.maxWallMs,
  overrides: Partial<QueueTimings> = {},
): QueueTimings {
  const timings: QueueTimings = {
    expireInSeconds: Math.min(
      MAX_EXPIRY_SECONDS,
      Math.ceil((hardDeadlineMs + 2 * leaseMs) / 1000) + 60,
    ),
    retryLimit: 3,
    retryDelaySeconds: 15,
    pollingIntervalSeconds: 2,
    maintenanceIntervalSeconds: 60,
    ...overrides,
  };
  const whole = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (
    !whole(timings.expireInSeconds, 1, MAX_EXPIRY_SECONDS) ||
    !whole(timings.retryLimit, 0, 100) ||
    !whole(timings.retryDelaySeconds, 0, 86_400) ||
    !whole(timings.maintenanceIntervalSeconds, 1, 3600) ||
    !(timings.pollingIntervalSeconds >= 0.5 && timings.pollingIntervalSeconds <= 600)
  )
    throw new AppError("bad_argument", `queue timings out of range: ${JSON.stringify(timings)}`);
  return timings;
}

export interface OpenBossOptions {
  db: Database;
  logger: Logger;
  timings: QueueTimings;
  /** A worker maintains the queue (expiry, archive); a producer only sends. */
  role: "worker" | "producer";
  /** Keep pg-boss's cron clock (schedules) running in this process. */
  schedules?: boolean;
  /** Further queues to create at start (the baseline refresh's). */
  queues?: PgBoss.Queue[];
  /** How often the cron clock looks at the schedules (1–45 s; tests shorten it). */
  cronMonitorIntervalSeconds?: number;
}

// pg-boss's schema changes and maintenance are one text: BEGIN; SET LOCAL …; an
// advisory lock; the work; COMMIT. Sent as it is over a pooled connection, a failure
// in the middle would leave that connection inside an aborted transaction for the
// next case to trip on; run inside our own transaction, a failure rolls back.
const LOCKED = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/;

function bossAdapter(db: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const locked = LOCKED.exec(text);
      if (!locked) return db.query(text, values ?? []);
      await db.transaction((tx) => tx.exec(locked[1] as string));
      return { rows: [] };
    },
  };
}

/** Starts pg-boss on `db` (server PostgreSQL) with the investigation queues created. */
export async function openBoss(options: OpenBossOptions): Promise<PgBoss> {
  const { db, logger, timings } = options;
  if (db.engine !== "postgres")
    throw new AppError(
      "bad_argument",
      "the pg-boss queue needs server PostgreSQL (DATABASE_URL); the embedded database uses the in-process queue",
    );
  const boss = new PgBoss({
    db: bossAdapter(db),
    schema: QUEUE_SCHEMA,
    supervise: options.role === "worker",
    schedule: options.schedules ?? false,
    maintenanceIntervalSeconds: timings.maintenanceIntervalSeconds,
    ...(options.cronMonitorIntervalSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
          cronWorkerIntervalSeconds: options.cronMonitorIntervalSeconds,
        }
      : {}),
  });
  // An EventEmitter's unheard "error" would throw; pg-boss reports its background failures here.
  boss.on("error", (error: Error) =>
    logger.warn({ error: error.message }, "pg-boss background task failed"),
  );
  const settings: PgBoss.Queue = {
    name: INVESTIGATE_QUEUE,
    policy: "short",
    retryLimit: timings.retryLimit,
    retryDelay: timings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: timings.expireInSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  };
  try {
    // Workers starting together would race pg-boss's install and its queues' tables
    // (pg-boss's own advisory lock is taken inside the transaction that checks the
    // catalog, which then can miss a schema another process just made; two queues'
    // partitions made at once deadlock). One process at a time sets up, here.
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('casehound.queue.setup'))");
      await boss.start();
      // The dead letters first: the investigation queue refers to them.
      await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 5 });
      await boss.createQueue(INVESTIGATE_QUEUE, settings);
      for (const extra of options.queues ?? []) await boss.createQueue(extra.name, extra);
      // A worker brings an existing queue to its settings; a producer leaves them alone.
      if (options.role === "worker") await boss.updateQueue(INVESTIGATE_QUEUE, settings);
    });
  } catch (error) {
    await boss.stop({ graceful: false, close: false }).catch(() => {});
    throw new AppError(
      "db_unavailable",
      `cannot start the job queue in ${db.location}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return boss;
}
