// Our own retry for model requests: exponential backoff with full jitter, the
// server's Retry-After honoured when it sent one (a 429 without it still retries),
// bounded by a number of retries and by the case's wall-time deadline. The
// client's own retries are off (config/models.ts) so only this policy applies.
import { classifyFailure, isRetryable, type ModelFailure } from "./failure.js";

export interface RetryPolicy {
  retries: number;
  baseMs: number;
  capMs: number;
  /** Epoch ms after which no further attempt starts (the case's wall-time budget). */
  deadline: number;
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function backoffMs(policy: RetryPolicy, retry: number, failure: ModelFailure): number {
  const jittered = policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  // A server that names its wait gets at least that, plus a little jitter.
  return failure.retryAfterMs !== null
    ? Math.min(failure.retryAfterMs + jittered / 4, 60_000)
    : jittered;
}

export type Attempted<T> =
  | { ok: true; value: T; attempts: number; failures: ModelFailure[] }
  | { ok: false; failure: ModelFailure; attempts: number; failures: ModelFailure[] };

/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying, runs out of
 * retries, or the next wait would pass the deadline. An abort of the run itself is
 * rethrown: the run pauses, it does not fail.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<Attempted<T>> {
  const failures: ModelFailure[] = [];
  for (let n = 0; ; n++) {
    try {
      return { ok: true, value: await attempt(n), attempts: n + 1, failures };
    } catch (error) {
      if (signal?.aborted) throw error;
      const failure = (error as { failure?: ModelFailure }).failure ?? classifyFailure(error);
      failures.push(failure);
      const wait = backoffMs(policy, n, failure);
      const tooLate = policy.now() + wait >= policy.deadline;
      if (!isRetryable(failure) || n >= policy.retries || tooLate)
        return { ok: false, failure, attempts: n + 1, failures };
      await policy.sleep(wait, signal);
    }
  }
}
