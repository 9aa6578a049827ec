// A fetch loop over one pg-boss queue: up to `slots` jobs at once, each handled and
// then completed (the handler resolved) or failed (it threw: pg-boss retries the job
// with backoff, then moves it to the queue's dead letters). pg-boss's own work()
// polls once per registration and does not await the completion it sends; here one
// loop fetches as many jobs as there are free slots, looks again at once when a
// slot frees or this process queues a case, and a stop that waits for the handlers
// also waits until the queue has heard how each one ended.
import type PgBoss from "pg-boss";
import type { Logger } from "../../config/logger.js";

export interface JobLoop {
  /** Look for jobs now (a case was queued here, or a slot freed). */
  wake(): void;
  /** Jobs being handled now. */
  running(): number;
  /** Stops fetching; resolves once the loop and every job it took have ended. */
  stop(): Promise<void>;
}

export interface JobLoopOptions {
  boss: PgBoss;
  queue: string;
  slots: number;
  /** How long an idle loop waits before it looks again (pg-boss has no wake-up across processes). */
  pollMs: number;
  logger: Logger;
  /** Resolves: the job is completed; throws: the job failed (retried, then dead-lettered). */
  handle(job: PgBoss.JobWithMetadata<unknown>): Promise<void>;
}

export function startJobLoop(options: JobLoopOptions): JobLoop {
  const { boss, queue, logger } = options;
  const active = new Set<Promise<void>>();
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  // A wake-up that came while the loop was fetching: it looks again before pausing.
  let woken = false;

  function wake(): void {
    const resolve = wakeUp;
    wakeUp = undefined;
    if (resolve) resolve();
    else woken = true;
  }

  function pause(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => wake(), ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async function settle(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    try {
      await options.handle(job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      try {
        await boss.fail(queue, job.id, { message });
      } catch (failing) {
        // It stays active until it expires; then pg-boss retries it.
        logger.warn({ queue, job: job.id, error: (failing as Error).message }, "cannot fail job");
      }
      return;
    }
    try {
      await boss.complete(queue, job.id);
    } catch (error) {
      // Handled already; when it expires and comes back, its case is found settled.
      logger.warn({ queue, job: job.id, error: (error as Error).message }, "cannot complete job");
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const free = options.slots - active.size;
      woken = false;
      if (free > 0) {
        let jobs: PgBoss.JobWithMetadata<unknown>[] = [];
        try {
          jobs = await boss.fetch(queue, { batchSize: free, includeMetadata: true });
        } catch (error) {
          logger.warn({ queue, error: (error as Error).message }, "cannot fetch jobs");
        }
        // Jobs fetched as the stop began are handled too: their handlers see the stop.
        for (const job of jobs) {
          const handling: Promise<void> = settle(job).finally(() => {
            active.delete(handling);
            wake();
          });
          active.add(handling);
        }
        if (jobs.length === free) continue; // perhaps more waiting: look again at once
      }
      if (!stopped) await pause(options.pollMs);
    }
  }

  const looping = loop();
  return {
    wake,
    running: () => active.size,
    async stop() {
      stopped = true;
      wake();
      await looping;
      while (active.size > 0) await Promise.allSettled([...active]);
    },
  };
}
