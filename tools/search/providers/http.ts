// One HTTP request to a search provider, with a per-attempt timeout and our retry
// policy around it (tools/model/retry.ts: exponential backoff, full jitter,
// Retry-After honoured). Providers decide what a status means; this file only
// runs attempts, tells timeouts from network failures, and turns the last failure
// into a SearchProviderError. Global fetch, so no client library hides errors.
import type { z } from "zod";
import type { ModelFailure } from "../../model/failure.js";
import { retryAfterMs } from "../../model/failure.js";
import { sleep as realSleep, withRetries } from "../../model/retry.js";
import { type SearchFailureKind, SearchProviderError } from "../types.js";

/** What a provider factory accepts besides its own settings; tests inject all of it. */
export interface HttpSettings {
  /** Per attempt, not per search: a retry gets a fresh budget. */
  timeoutMs: number;
  /** Further attempts after the first (0 = one attempt). */
  retries: number;
  baseBackoffMs?: number;
  capBackoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Thrown inside an attempt: what the search failed with, plus what the retry loop needs. */
class AttemptFailure extends Error {
  constructor(
    readonly kind: SearchFailureKind,
    readonly status: number | null,
    readonly failure: ModelFailure,
  ) {
    super(failure.message);
  }
}

/**
 * A failure to throw from a provider's `read`. `retryable` maps onto the retry
 * loop's own kinds so that `isRetryable` decides as we say, not by status.
 */
export function fail(
  kind: SearchFailureKind,
  message: string,
  status: number | null,
  opts: { retryable?: boolean; headers?: Headers } = {},
): AttemptFailure {
  const loopKind = !opts.retryable
    ? "client"
    : kind === "rate_limited"
      ? "rate_limited"
      : kind === "timeout"
        ? "timeout"
        : "server";
  const wait = opts.headers ? retryAfterMs(opts.headers) : null;
  return new AttemptFailure(kind, status, { kind: loopKind, message, status, retryAfterMs: wait });
}

export interface HttpRequest<T> {
  provider: string;
  url: string;
  init: RequestInit;
  /** Interprets one complete response; throws `fail(...)` for anything but success. */
  read: (response: Response, body: string) => T;
  signal?: AbortSignal;
}

export async function requestWithRetries<T>(
  settings: HttpSettings,
  request: HttpRequest<T>,
): Promise<T> {
  const { provider, signal } = request;
  const doFetch = settings.fetch ?? fetch;
  // A holder, not a `let`: the assignment happens inside the closure below.
  const seen: { last: AttemptFailure | null } = { last: null };
  const result = await withRetries(
    async () => {
      try {
        return await attempt(doFetch, settings.timeoutMs, request);
      } catch (error) {
        seen.last = error instanceof AttemptFailure ? error : null;
        throw error;
      }
    },
    {
      retries: Math.max(0, settings.retries),
      baseMs: settings.baseBackoffMs ?? 250,
      capMs: settings.capBackoffMs ?? 4_000,
      // The caller's signal (and timeoutMs per attempt) bound a search; no wall deadline here.
      deadline: Number.POSITIVE_INFINITY,
      now: Date.now,
      random: settings.random ?? Math.random,
      sleep: settings.sleep ?? realSleep,
    },
    signal,
  );
  if (result.ok) return result.value;
  // Anything but an AttemptFailure is a bug in a provider's `read`: the loop does not
  // retry it (classifyFailure calls it unknown) and it surfaces as unavailable.
  const kind = seen.last?.kind ?? "unavailable";
  const after = result.attempts > 1 ? ` (after ${result.attempts} attempts)` : "";
  throw new SearchProviderError(
    provider,
    kind,
    `${result.failure.message}${after}`,
    seen.last?.status ?? null,
  );
}

async function attempt<T>(
  doFetch: typeof fetch,
  timeoutMs: number,
  { url, init, read, signal }: HttpRequest<T>,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let body: string;
  try {
    // The body is read under the same signal: a server that sends headers and then
    // stalls is a timeout too.
    response = await doFetch(url, { ...init, signal: combined });
    body = await response.text();
  } catch (error) {
    // The caller's abort is not a provider failure: rethrow it untouched (no retry).
    if (signal?.aborted) throw signal.reason ?? error;
    if (timeout.aborted)
      throw fail("timeout", `no answer within ${timeoutMs} ms`, null, {
        retryable: true,
      });
    const reason = error instanceof Error ? error.message : String(error);
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    const detail = typeof cause === "string" ? `${reason} (${cause})` : reason;
    throw fail("unavailable", `request failed: ${detail}`, null, { retryable: true });
  }
  // Outside the try: a bug in `read` is not a network failure and must not be retried as one.
  return read(response, body);
}

/** Parses JSON without throwing; `undefined` means the body was not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** A short, single-line excerpt of a body for an error message. */
export function excerpt(body: string, max = 200): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** "not JSON" or the first schema issue: enough to recognise the fault, no body dump. */
export function shapeProblem(body: string, error: z.ZodError): string {
  if (parseJson(body) === undefined) return `not JSON (${excerpt(body, 80)})`;
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "wrong shape";
}
