// The periodic refresh of the indicator baselines, on pg-boss's cron. The schedule
// lives in the database, so every worker may register it: pg-boss's cron clock lets
// one instance at a time look at the schedules (a timestamp it claims in its own
// table), sends a tick through a singleton slot of one minute, and the
// `casehound-baselines` queue (policy `short`, one waiting tick) hands each tick's
// job to exactly one worker. The refresh itself is injected (it lives with the
// indicators); this file only decides when it runs, and on which machine.
import type PgBoss from "pg-boss";
import type { Logger } from "../../config/logger.js";
import { AppError } from "../../domain/errors.js";
import { type JobLoop, startJobLoop } from "./job-loop.js";

export const BASELINES_QUEUE = "casehound-baselines";
/** Daily at 00:05 UTC: after the day's data has landed. */
export const BASELINES_CRON = "5 0 * * *";

/** One waiting tick at most; a refresh may take hours on a large warehouse. */
export const BASELINES_QUEUE_SETTINGS: PgBoss.Queue = {
  name: BASELINES_QUEUE,
  policy: "short",
  retryLimit: 2,
  retryDelay: 300,
  retryBackoff: true,
  expireInSeconds: 3 * 3600,
};

export type RefreshBaselines = (asOf: string) => Promise<unknown>;

export interface BaselinesScheduleOptions {
  boss: PgBoss;
  logger: Logger;
  refresh: RefreshBaselines;
  /** Cron expression, in UTC (default: BASELINES_CRON). */
  cron?: string;
  pollMs: number;
  now?: () => Date;
}

export async function startBaselinesSchedule(options: BaselinesScheduleOptions): Promise<JobLoop> {
  const { boss, logger } = options;
  const now = options.now ?? (() => new Date());
  await boss.createQueue(BASELINES_QUEUE, BASELINES_QUEUE_SETTINGS);
  const cron = options.cron ?? BASELINES_CRON;
  try {
    // Upserted: every worker registering it leaves one schedule.
    await boss.schedule(BASELINES_QUEUE, cron, {}, { tz: "UTC", singletonKey: BASELINES_QUEUE });
  } catch (error) {
    throw new AppError(
      "bad_argument",
      `cannot schedule the baseline refresh at "${cron}": ${(error as Error).message}`,
      { cause: error },
    );
  }
  return startJobLoop({
    boss,
    queue: BASELINES_QUEUE,
    slots: 1,
    pollMs: options.pollMs,
    logger,
    async handle(job) {
      const asOf = now().toISOString();
      logger.info({ job: job.id, asOf }, "refreshing the indicator baselines");
      const started = performance.now();
      await options.refresh(asOf);
      logger.info(
        { job: job.id, asOf, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) },
        "indicator baselines refreshed",
      );
    },
  });
}
