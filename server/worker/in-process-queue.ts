// The one-machine queue: FIFO, at most `concurrency` cases at once, in this
// process. Nothing here needs to be durable: a case is stored before it is
// enqueued, and on start the server re-enqueues stored cases that never ran and
// runs whose process died.
import { AppError } from "../../domain/errors.js";
import type { CaseQueue, CaseWork, QueueStats } from "./case-queue.js";

export interface InProcessQueueOptions {
  concurrency: number;
  work: CaseWork;
  /** Told when a case's work rejects (the work itself records failures in the store). */
  onError?: (caseId: string, error: unknown) => void;
}

export function createInProcessQueue(options: InProcessQueueOptions): CaseQueue {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new AppError("bad_argument", "queue concurrency must be a positive integer");
  const waiting: string[] = [];
  const known = new Set<string>();
  const running = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  function settleIdle(): void {
    if (waiting.length > 0 || running.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump(): void {
    while (!closed && running.size < options.concurrency && waiting.length > 0) {
      const caseId = waiting.shift() as string;
      const job = Promise.resolve()
        .then(async () => {
          await options.work(caseId, stopping.signal);
        })
        .catch((error: unknown) => options.onError?.(caseId, error))
        .finally(() => {
          running.delete(caseId);
          known.delete(caseId);
          pump();
          settleIdle();
        });
      running.set(caseId, job);
    }
  }

  function add(caseIds: readonly string[]): void {
    if (closed) throw new AppError("unavailable", "the queue is stopping; the case stays stored");
    for (const caseId of caseIds) {
      if (known.has(caseId)) continue;
      known.add(caseId);
      waiting.push(caseId);
    }
    pump();
  }

  return {
    // Asynchronous only to share the interface with pg-boss; the case is queued on return.
    enqueue: async (caseId) => add([caseId]),
    enqueueMany: async (caseIds) => add(caseIds),
    stats: (): QueueStats => ({ waiting: waiting.length, running: running.size }),
    idle() {
      if (waiting.length === 0 && running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async stop(graceMs) {
      closed = true;
      // Waiting cases are dropped here; they are still `queued` in the store.
      waiting.length = 0;
      for (const caseId of known) if (!running.has(caseId)) known.delete(caseId);
      const all = Promise.allSettled([...running.values()]);
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
      });
      const first = await Promise.race([all.then(() => "done" as const), grace]);
      clearTimeout(timer);
      stopping.abort(new AppError("unavailable", "shutting down"));
      if (first === "timeout") await all;
      settleIdle();
    },
  };
}
