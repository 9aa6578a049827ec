// Following a batch until every case settles while this process drives its cases
// (cli/batch-driver.ts): its progress redrawn as a bar on a terminal or printed as
// plain lines when it changes (nothing with --json), a stop on Ctrl-C (the cases
// left stay queued; running ones pause and resume later), then the batch's finish
// step (server/batch/finish.ts: ring clusters; members of an inconsistent cluster
// investigated again, followed the same way) and the summary at the end.
import type { CaseRunner } from "../controller/run-case.js";
import type { Database, Queryable } from "../db/types.js";
import { type BatchView, getBatchView } from "../server/batch/view.js";
import type { CaseQueue } from "../server/worker/case-queue.js";
import { progressBar, progressLine, summaryText } from "./batch-output.js";
import type { CommandContext } from "./context.js";
import { progressWanted } from "./progress.js";

export interface FollowOptions {
  /** Redraw a bar in place (a terminal) rather than print lines. */
  bar: boolean;
  /** Print no progress at all (--json). */
  quiet: boolean;
  /** Ends the wait early (Ctrl-C). */
  signal: AbortSignal;
}

export interface Waker {
  /** Resolves at the next wake-up or after `ms`. */
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function createWaker(): Waker {
  let pending: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          pending = undefined;
          resolve();
        }
        pending = done;
      }),
    wake: () => pending?.(),
  };
}

/** The batch's view once finished, or undefined when `signal` ended the wait first. */
export async function followBatch(
  db: Database,
  batchId: string,
  waker: Waker,
  options: FollowOptions,
): Promise<BatchView | undefined> {
  options.signal.addEventListener("abort", () => waker.wake(), { once: true });
  let last = "";
  for (;;) {
    const view = await getBatchView(db, batchId, new Date());
    if (!options.quiet) {
      if (options.bar) process.stderr.write(`\r\u001b[2K${progressBar(view)}`);
      else {
        const line = progressLine(view).replace(/; .*$/, "");
        // Plain output: a line when the counts change, not on every look.
        if (line !== last) process.stderr.write(`${progressLine(view)}\n`);
        last = line;
      }
    }
    if (view.progress.finished || options.signal.aborted) {
      if (options.bar && !options.quiet) process.stderr.write("\n");
      return view.progress.finished ? view : undefined;
    }
    await waker.sleep(500);
  }
}

export interface DriveOptions {
  workers?: number;
  json?: boolean;
  progress?: boolean;
}

/** Drives the batch's cases in this process until it finishes; prints its summary. */
export async function driveAndFollow(
  runner: CaseRunner,
  db: Database,
  /** Where the risk tables are read when the batch's sellers are clustered. */
  warehouse: Queryable,
  ctx: CommandContext,
  options: DriveOptions,
  start: (queue: CaseQueue) => Promise<string>,
): Promise<void> {
  const { createLogger } = await import("../config/logger.js");
  const { startBatchDriver } = await import("./batch-driver.js");
  const { batchSummary } = await import("../server/batch/results.js");
  const { finishBatch } = await import("../server/batch/finish.js");
  const { cliBatchNotifier } = await import("./slack-setup.js");
  const waker = createWaker();
  const logger = createLogger(ctx.env.LOG_LEVEL);
  // With a Slack bot token and channel, the finished batch's summary is posted there too.
  const notifier = await cliBatchNotifier(ctx.env, db, logger);
  const driver = await startBatchDriver({
    db,
    runner,
    logger,
    concurrency: options.workers ?? ctx.env.CASEHOUND_WORKERS,
    onSettled: () => waker.wake(),
    warehouse,
  });
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const batchId = await start(driver.queue);
    const follow = () =>
      followBatch(db, batchId, waker, {
        bar: progressWanted(options),
        quiet: Boolean(options.json),
        signal: interrupt.signal,
      });
    const intake = {
      db,
      admit: (r: Parameters<CaseRunner["admit"]>[0]) => runner.admit(r),
      queue: driver.queue,
      now: () => new Date(),
    };
    // Finished: cluster it; re-reviews it sends back are followed to their end, once.
    let view = await follow();
    while (view) {
      const outcome = await finishBatch({ intake, warehouse, notifier }, batchId).catch(
        (error: Error) => {
          // The cases are decided either way: say why there are no clusters, then summarise.
          console.error(
            `the batch's ring clusters were not stored: ${error.message}; \`casehound batch wait ${batchId}\` tries again`,
          );
          return undefined;
        },
      );
      if (!outcome || outcome.finished) break;
      if (outcome.submitted > 0 && !options.json)
        console.error(
          `re-investigating ${outcome.submitted} seller(s) of inconsistent ring clusters with the cluster as context`,
        );
      view = await follow();
    }
    if (!view) {
      console.error(
        `interrupted: batch ${batchId} goes on with \`casehound batch wait ${batchId}\` (running cases resume from their last step)`,
      );
      process.exitCode = 130;
      return;
    }
    const final = await getBatchView(db, batchId, new Date());
    const summary = await batchSummary(db, batchId);
    if (options.json) console.log(JSON.stringify({ batch: final, summary }));
    else console.log(summaryText(final, summary));
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await driver.stop(ctx.env.CASEHOUND_SHUTDOWN_GRACE_MS);
  }
}
