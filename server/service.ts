// The REST service: the HTTP API over the case store, an in-process queue that
// drives cases through the case runner, and the lifecycle around them. On start it
// re-queues stored cases that never ran and runs whose process died; a sweeper
// keeps doing the latter. On stop it refuses new work, ends event streams, gives
// running cases a grace period and then pauses them at a step boundary (their
// leases are released, so the next start resumes them from their checkpoints).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../config/logger.js";
import type { CaseRunner } from "../controller/run-case.js";
import { abandonedRuns, queuedCases } from "../db/repositories/runs.js";
import type { Database } from "../db/types.js";
import { isAppError } from "../domain/errors.js";
import type { CaseEvents } from "./case-events.js";
import { type ApiLimits, createApi, DEFAULT_LIMITS } from "./http/app.js";
import { type ApiMetrics, createMetrics } from "./http/metrics.js";
import { PROBLEM_TYPE_PREFIX } from "./http/problem.js";
import type { CaseQueue } from "./worker/case-queue.js";
import { createInProcessQueue } from "./worker/in-process-queue.js";

export interface ServiceOptions {
  db: Database;
  runner: CaseRunner;
  /** The bus the runner's onEvent notifies (so event streams wake at once). */
  events: CaseEvents;
  logger: Logger;
  port?: number;
  host?: string;
  /** Cases investigated at once. */
  concurrency?: number;
  limits?: Partial<ApiLimits>;
  /** How often to look for runs whose process died (default: 10 s). */
  sweepMs?: number;
  eventPollMs?: number;
  now?: () => Date;
}

export interface Service {
  url: string;
  port: number;
  queue: CaseQueue;
  metrics: ApiMetrics;
  /** Stops gracefully: running cases get `graceMs`, then pause at a step boundary. */
  close(graceMs?: number): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<Service> {
  const { db, runner, events, logger } = options;
  const now = options.now ?? (() => new Date());
  let stopping = false;
  // The gauges read the queue and the streams only when scraped, after both exist.
  const metrics = createMetrics(
    () => queue.stats(),
    () => api.openStreams(),
  );

  const queue = createInProcessQueue({
    concurrency: options.concurrency ?? 2,
    async work(caseId, signal) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const outcome = await runner.drive(caseId, { signal });
        metrics.runEnded(
          outcome.how === "stored" ? "stored" : "decided",
          seconds(),
          outcome.verdict.decision,
        );
      } catch (error) {
        if (isAppError(error, "unavailable")) metrics.runEnded("paused", seconds());
        else if (isAppError(error, "conflict")) metrics.runEnded("busy", seconds());
        else {
          metrics.runEnded("failed", seconds());
          logger.warn({ caseId, error: (error as Error).message }, "investigation failed");
        }
      } finally {
        events.notify(caseId);
      }
    },
  });
  const api = createApi({
    db,
    queue,
    events,
    metrics,
    logger,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    now,
    isStopping: () => stopping,
    admit: (request) => runner.admit(request),
    eventPollMs: options.eventPollMs,
  });

  const sweepMs = options.sweepMs ?? 10_000;
  // Runs whose process died, and cases stored but left waiting (their queue entry died
  // with another process, or with this one at a restart). The queue ignores ids it holds.
  async function sweep(minQueuedAgeMs: number): Promise<void> {
    try {
      for (const { caseId } of await abandonedRuns(db)) queue.enqueue(caseId);
      for (const caseId of await queuedCases(db, minQueuedAgeMs)) queue.enqueue(caseId);
    } catch (error) {
      if (!stopping)
        logger.warn({ error: (error as Error).message }, "sweep for waiting cases failed");
    }
  }
  await sweep(0);
  const sweeper = setInterval(() => void sweep(3 * sweepMs), sweepMs);
  sweeper.unref();

  const server: Server = await new Promise((resolve, reject) => {
    const s = api.app.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  // Slow clients may not hold sockets forever; streams are exempt (they have no timeout).
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  // Requests too broken for express to see (bad HTTP framing) still get a problem+json 400.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason] =
      error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request Header Fields Too Large"]
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "Request Timeout"]
          : [400, "Bad Request"];
    const body = JSON.stringify({
      type: `${PROBLEM_TYPE_PREFIX}bad_argument`,
      title: "The request is not valid HTTP",
      status,
      detail: "the request could not be parsed",
    });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  logger.info({ port, address, engine: db.engine }, "casehound API listening");

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    queue,
    metrics,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        stopping = true;
        clearInterval(sweeper);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        api.closeStreams();
        server.closeIdleConnections();
        await queue.stop(graceMs);
        // Requests still in flight get a moment; then their sockets are closed.
        const late = setTimeout(() => server.closeAllConnections(), 2_000);
        await closed;
        clearTimeout(late);
        logger.info("casehound API stopped");
      })();
      return closing;
    },
  };
}
