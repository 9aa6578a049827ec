// Following a batch until every case settles: its progress redrawn as a bar on a
// terminal or printed as plain lines when it changes (nothing with --json), and a
// stop on Ctrl-C (the cases left stay queued; running ones pause and resume later).
import type { Database } from "../db/types.js";
import { type BatchView, getBatchView } from "../server/batch/view.js";
import { progressBar, progressLine } from "./batch-output.js";

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
