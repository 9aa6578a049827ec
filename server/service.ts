// The REST service: the HTTP API over the case store beside a worker (worker/:
// the queue, its consumer, the sweeper and the process's last line) — or, without
// workers (server PostgreSQL), a producer that only queues cases for
// `casehound worker` processes — and the lifecycle around them. On stop it refuses new work, ends event streams, gives
// running cases a grace period and then pauses them at a step boundary (their
// leases are released, so the next start resumes them from their checkpoints).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../config/logger.js";
import type { CaseRunner } from "../controller/run-case.js";
import type { Database } from "../db/types.js";
import type { CaseEvents } from "./case-events.js";
import { type ApiDeps, type ApiLimits, createApi, DEFAULT_LIMITS } from "./http/app.js";
import { type ApiMetrics, createMetrics } from "./http/metrics.js";
import { PROBLEM_TYPE_PREFIX } from "./http/problem.js";
import type { CaseQueue } from "./worker/case-queue.js";
import {
  type CaseWorker,
  openProducerQueue,
  startWorker,
  type WorkerOptions,
} from "./worker/worker.js";

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
  /**
   * Run cases here (default). False: only queue them, for workers elsewhere
   * (`casehound worker`; server PostgreSQL only).
   */
  workers?: boolean;
  /** The runner's lease; the pg-boss queue's job expiry outlives it. */
  leaseMs?: number;
  /** The periodic baseline refresh the workers schedule (worker.ts). */
  refreshBaselines?: WorkerOptions["refreshBaselines"];
  /** The risk warehouse (WAREHOUSE_URL, else the app database): a finished batch's sellers are clustered from it. */
  warehouse?: WorkerOptions["warehouse"];
  eventPollMs?: number;
  now?: () => Date;
  /** A key valid while this server runs, for commands on this machine (server/local-endpoint.ts). */
  localKey?: ApiDeps["localKey"];
  /** The Slack bot in HTTP mode: mounted on the app, started with the server, stopped with it. */
  slack?: SlackMount | undefined;
  /** Told when a batch has nothing left to run (the Slack bot posts its summary). */
  batchNotifier?: WorkerOptions["batchNotifier"];
}

/** How the service mounts the bot without knowing Slack: it builds it on the app and intake. */
export type SlackMount = (
  app: Parameters<NonNullable<ApiDeps["mountSlack"]>>[0],
  intake: Parameters<NonNullable<ApiDeps["mountSlack"]>>[1],
) => { start(): Promise<void>; stop(): Promise<void> };

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
  let bot: ReturnType<SlackMount> | undefined;
  // The gauges read the queue and the streams only when scraped, after both exist.
  const metrics = createMetrics(
    () => queue.stats(),
    () => api.openStreams(),
  );

  const worker: Pick<CaseWorker, "queue" | "stop"> =
    options.workers === false
      ? await producerOnly(db, logger, options.leaseMs)
      : await startWorker({
          db,
          runner,
          logger,
          concurrency: options.concurrency ?? 2,
          sweepMs: options.sweepMs ?? 10_000,
          ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
          ...(options.refreshBaselines ? { refreshBaselines: options.refreshBaselines } : {}),
          ...(options.warehouse ? { warehouse: options.warehouse } : {}),
          batchNotifier: options.batchNotifier,
          onRunEnded: (outcome, seconds, decision) => metrics.runEnded(outcome, seconds, decision),
          onSettled: (caseId) => events.notify(caseId),
        });
  const queue = worker.queue;
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
    localKey: options.localKey,
    mountSlack: options.slack
      ? (app, intake) => {
          bot = options.slack?.(app, intake);
        }
      : undefined,
  });
  await bot?.start();

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
  logger.info(
    { port, address, engine: db.engine, workers: options.workers !== false },
    "casehound API listening",
  );

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    queue,
    metrics,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        stopping = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        api.closeStreams();
        await bot?.stop();
        server.closeIdleConnections();
        await worker.stop(graceMs);
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

/** The API without workers: it queues cases for `casehound worker` processes elsewhere. */
async function producerOnly(
  db: Database,
  logger: Logger,
  leaseMs: number | undefined,
): Promise<Pick<CaseWorker, "queue" | "stop">> {
  const queue = await openProducerQueue({
    db,
    logger,
    ...(leaseMs === undefined ? {} : { leaseMs }),
  });
  return { queue, stop: (graceMs) => queue.stop(graceMs) };
}
