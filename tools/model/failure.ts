// What went wrong with a model request, in the terms retrying cares about. The
// OpenAI client (and LangChain around it) throws errors carrying an HTTP status,
// sometimes the response headers, or a timeout/connection error by name; anything
// else is treated as not worth retrying.

export type FailureKind =
  | "rate_limited"
  | "server"
  | "timeout"
  | "network"
  | "client"
  | "aborted"
  | "unknown";

export interface ModelFailure {
  kind: FailureKind;
  message: string;
  status: number | null;
  /** From a Retry-After (or retry-after-ms) header, when the server sent one. */
  retryAfterMs: number | null;
}

const RETRYABLE: ReadonlySet<FailureKind> = new Set([
  "rate_limited",
  "server",
  "timeout",
  "network",
]);

export function isRetryable(failure: ModelFailure): boolean {
  return RETRYABLE.has(failure.kind);
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    const value = (get as (n: string) => unknown).call(headers, name);
    return typeof value === "string" ? value : null;
  }
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}

/** Retry-After as seconds or an HTTP date; retry-after-ms as OpenAI sends it. */
export function retryAfterMs(headers: unknown, now = Date.now()): number | null {
  const ms = headerOf(headers, "retry-after-ms");
  if (ms !== null && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headerOf(headers, "retry-after");
  if (after === null) return null;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const at = Date.parse(after);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function statusOf(error: Record<string, unknown>): number | null {
  for (const candidate of [error.status, (error.response as { status?: unknown })?.status]) {
    if (typeof candidate === "number") return candidate;
  }
  const cause = error.cause as Record<string, unknown> | undefined;
  return cause && typeof cause.status === "number" ? cause.status : null;
}

export function classifyFailure(error: unknown, timedOut = false): ModelFailure {
  const e = (error && typeof error === "object" ? error : {}) as Record<string, unknown>;
  const message = error instanceof Error ? error.message : String(error);
  const name = typeof e.name === "string" ? e.name : "";
  const status = statusOf(e);
  const text = `${name} ${message} ${String(e.code ?? "")}`.toLowerCase();
  const base = { message: message.slice(0, 500), status, retryAfterMs: null };
  if (timedOut || /timeout|timed out/.test(text)) return { ...base, kind: "timeout" };
  if (name === "AbortError" || /aborted|abort/.test(text)) return { ...base, kind: "aborted" };
  if (status === 429 || /rate.?limit/.test(text))
    return {
      ...base,
      kind: "rate_limited",
      retryAfterMs: typeof e.retryAfterMs === "number" ? e.retryAfterMs : retryAfterMs(e.headers),
    };
  // A reply that is not even JSON is the server's fault, like a 5xx.
  if ((status !== null && status >= 500) || name === "SyntaxError")
    return { ...base, kind: "server" };
  if (status !== null && status >= 400) return { ...base, kind: "client" };
  if (/econnrefused|econnreset|enotfound|socket|fetch failed|connection error|network/.test(text))
    return { ...base, kind: "network" };
  return { ...base, kind: "unknown" };
}
