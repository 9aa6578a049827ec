// `investigate` through the server that holds the embedded data directory
// (server/local-endpoint.ts): the case is submitted to its REST API with the key it
// published for this machine, followed until it settles, and answered with the
// stored verdict and evidence — the same output as a case run in this process.
import { randomUUID } from "node:crypto";
import type { Subject } from "../domain/case.js";
import { AppError, type ErrorCode } from "../domain/errors.js";
import type { Evidence } from "../domain/evidence.js";
import type { Verdict } from "../domain/verdict.js";
import type { LocalEndpoint } from "../server/local-endpoint.js";

export interface HandedOffCase {
  caseId: string;
  verdict: Verdict;
  evidence: Evidence[];
  /** The server already held this case (same Idempotency-Key) rather than taking a new one. */
  replayed: boolean;
}

interface CaseView {
  id: string;
  status: string;
  error: string | null;
  verdict: Verdict | null;
  verdictHash: string | null;
}

const POLL_MS = 100;
/** Pauses before asking again after a connection failed (a busy server can drop a kept-alive socket). */
export const RETRY_MS = [200, 500, 1_000, 2_000];

/**
 * One request to the server. A request that fails to connect or whose connection is
 * dropped is sent again after a pause, a few times: every request here is safe to
 * repeat (reads, and a submission that always carries an idempotency key).
 */
export async function callServer<T>(
  endpoint: LocalEndpoint,
  path: string,
  init: RequestInit = {},
  retryMs: readonly number[] = RETRY_MS,
): Promise<{ body: T; headers: Headers }> {
  let response: Response | undefined;
  for (let attempt = 0; response === undefined; attempt++) {
    try {
      response = await fetch(`${endpoint.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${endpoint.token}`, ...init.headers },
      });
    } catch (error) {
      const pause = retryMs[attempt];
      if (pause === undefined)
        throw new AppError(
          "unavailable",
          `the server holding this data directory (pid ${endpoint.pid}, ${endpoint.url}) did not answer: ${(error as Error).message}`,
          { cause: error },
        );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = (body ?? {}) as { type?: string; detail?: string; title?: string };
    const code = (problem.type?.split(":").at(-1) ?? "internal") as ErrorCode;
    throw new AppError(
      code,
      `the server (pid ${endpoint.pid}) refused: ${problem.detail ?? problem.title ?? `${response.status} ${text.slice(0, 200)}`}`,
    );
  }
  return { body: body as T, headers: response.headers };
}

export async function investigateThroughServer(
  endpoint: LocalEndpoint,
  request: { subject: Subject; allegation: string; typologyHints: string[]; asOf?: string },
  options: { idempotencyKey?: string; onStatus?: (status: string) => void } = {},
): Promise<HandedOffCase> {
  const submitted = await callServer<CaseView>(endpoint, "/v1/cases", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      // Always a key, so a submission whose connection dropped can be sent again safely.
      "idempotency-key": options.idempotencyKey ?? `cli-${randomUUID()}`,
    },
    body: JSON.stringify(request),
  });
  const caseId = submitted.body.id;
  let view = submitted.body;
  let last = "";
  while (view.status === "queued" || view.status === "running") {
    if (view.status !== last) options.onStatus?.(view.status);
    last = view.status;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    view = (await callServer<CaseView>(endpoint, `/v1/cases/${encodeURIComponent(caseId)}`)).body;
  }
  if (view.status !== "decided" || !view.verdict)
    throw new AppError(
      "internal",
      `case ${caseId} ended ${view.status}${view.error ? `: ${view.error}` : ""}`,
    );
  const { body } = await callServer<{ verdictHash: string | null; evidence: Evidence[] }>(
    endpoint,
    `/v1/cases/${encodeURIComponent(caseId)}/evidence`,
  );
  if (body.verdictHash !== view.verdictHash)
    throw new AppError(
      "conflict",
      `case ${caseId} was decided again while its evidence was read; run the command again`,
    );
  return {
    caseId,
    verdict: view.verdict,
    evidence: body.evidence,
    replayed: submitted.headers.get("idempotent-replayed") === "true",
  };
}
