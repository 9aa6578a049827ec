// Drives the API like a busy upstream system: many submissions with bounded
// concurrency, each timed, then waits until every submitted case is settled.
import { call } from "./api.js";

export interface Submission {
  subject: { type: "seller"; id: string };
  allegation: string;
}

export interface LoadResult {
  ids: string[];
  /** Per-request latency of the submissions, in ms. */
  latencies: number[];
  statuses: Record<number, number>;
  seconds: number;
}

export async function submitAll(
  api: { url: string },
  key: string,
  bodies: readonly Submission[],
  concurrency: number,
): Promise<LoadResult> {
  const ids: string[] = new Array(bodies.length);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < bodies.length) {
      const i = next++;
      const t0 = performance.now();
      const answer = await call(api, "POST", "/v1/cases", {
        key,
        json: bodies[i],
        headers: { "idempotency-key": `load-${i}` },
      });
      latencies.push(performance.now() - t0);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      ids[i] = (answer.body as { id: string }).id;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ids, latencies, statuses, seconds: (performance.now() - started) / 1000 };
}

/** Every case's status, read through the API's pages. */
export async function statusesOf(api: { url: string }, key: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page = await call(api, "GET", `/v1/cases?limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
      key,
    });
    const body = page.body as {
      cases: { id: string; status: string }[];
      next_cursor: string | null;
    };
    for (const c of body.cases) seen.set(c.id, c.status);
    cursor = body.next_cursor;
  } while (cursor);
  return seen;
}
