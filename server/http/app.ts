// The express app: wiring only. Public routes (health, readiness, the API
// document) first, then the analyst console (/console: its own sessions); then
// everything under /v1 and /metrics needs an API key (rate-limited per key);
// errors end as problem+json.
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import type { Logger } from "../../config/logger.js";
import type { Database } from "../../db/types.js";
import type { ApiKey } from "../../domain/api-key.js";
import type { CaseInput } from "../../domain/case.js";
import type { CaseEvents } from "../case-events.js";
import { consoleRouter } from "../console/router.js";
import type { IntakeDeps } from "../intake.js";
import type { CaseQueue } from "../worker/case-queue.js";
import { createAuthenticator } from "./auth.js";
import { renderDocsPage } from "./docs-page.js";
import type { ApiMetrics } from "./metrics.js";
import { buildOpenApi } from "./openapi.js";
import { errorHandler, notFoundHandler } from "./problem.js";
import { createRateLimiter, type RateLimit } from "./rate-limit.js";
import { batchRoutes } from "./routes/batches.js";
import { batchEventRoutes } from "./routes/batches-events.js";
import { caseRoutes } from "./routes/cases.js";
import { eventRoutes } from "./routes/events.js";
import { healthRoutes, metricsRoute } from "./routes/health.js";
import { keyRoutes } from "./routes/keys.js";
import { recordRoutes } from "./routes/records.js";
import { reviewRoutes } from "./routes/reviews.js";
import { sellerRoutes } from "./routes/sellers.js";

export interface ApiLimits {
  /** Largest accepted JSON body. */
  bodyBytes: number;
  /** Requests per API key. */
  perKey: RateLimit;
  /** Failed authentications per client address. */
  failures: RateLimit;
}

export const DEFAULT_LIMITS: ApiLimits = {
  bodyBytes: 64 * 1024,
  perKey: { perSecond: 20, burst: 100 },
  failures: { perSecond: 5, burst: 50 },
};

export interface ApiDeps {
  db: Database;
  queue: CaseQueue;
  events: CaseEvents;
  metrics: ApiMetrics;
  logger: Logger;
  limits: ApiLimits;
  now: () => Date;
  isStopping: () => boolean;
  /** Refuses a case the warehouse cannot answer before it is stored (CaseRunner.admit). */
  admit: (request: CaseInput) => Promise<void>;
  /** How often an event stream looks for events written by other processes. */
  eventPollMs?: number;
  /** A key valid for this process's life only, for commands on this machine (server/local-endpoint.ts). */
  localKey?: { key: ApiKey; secretHash: string } | undefined;
  /** Where batches read risk.flags (default: `db`). */
  warehouse?: Database;
  /** Mounts the Slack bot's route (/slack/events) on the app; it verifies Slack's signatures itself. */
  mountSlack?: ((app: Express, intake: IntakeDeps) => void) | undefined;
}

export interface Api {
  app: Express;
  /** Ends open event streams (shutdown). */
  closeStreams(): void;
  /** Event streams open now. */
  openStreams(): number;
}

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      // Never the headers: they carry the API key.
      logger.debug(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          key: (res.locals.apiKey as { keyId?: string } | undefined)?.keyId,
        },
        "request",
      );
    });
    next();
  };
}

export function createApi(deps: ApiDeps): Api {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  app.use(helmet());
  app.use(deps.metrics.middleware);
  app.use(requestLog(deps.logger));

  const spec = buildOpenApi();
  const docs = renderDocsPage(spec);
  app.use(healthRoutes({ db: deps.db, isStopping: deps.isStopping }));
  app.get("/openapi.json", (_req, res) => {
    res.json(spec);
  });
  app.get("/docs", (_req, res) => {
    res.type("text/html; charset=utf-8").send(docs);
  });

  const intake = {
    db: deps.db,
    admit: deps.admit,
    queue: deps.queue,
    notify: (caseId: string) => deps.events.notify(caseId),
    now: deps.now,
  };
  // Slack signs its requests (no API key); the receiver reads the raw body for that.
  deps.mountSlack?.(app, intake);
  // The console signs in with a key once and then carries a session cookie, not a key.
  app.use(
    consoleRouter({
      db: deps.db,
      warehouse: deps.warehouse ?? deps.db,
      intake,
      events: deps.events,
      logger: deps.logger,
      now: deps.now,
      failures: createRateLimiter(deps.limits.failures),
    }),
  );

  const auth = createAuthenticator({
    db: deps.db,
    perKey: createRateLimiter(deps.limits.perKey),
    failures: createRateLimiter(deps.limits.failures),
    localKey: deps.localKey,
  });
  app.use(["/v1", "/metrics"], auth.middleware);
  app.use(metricsRoute(deps.metrics));
  const common = { db: deps.db, now: deps.now, bodyBytes: deps.limits.bodyBytes };
  app.use(caseRoutes({ db: deps.db, intake, bodyBytes: deps.limits.bodyBytes }));
  app.use(recordRoutes({ db: deps.db }));
  app.use(sellerRoutes({ db: deps.db, now: deps.now }));
  app.use(reviewRoutes({ ...common, events: deps.events }));
  const streams = eventRoutes({
    db: deps.db,
    logger: deps.logger,
    events: deps.events,
    pollMs: deps.eventPollMs,
  });
  app.use(streams.router);
  app.use(keyRoutes({ ...common, auth }));
  app.use(
    batchRoutes({
      db: deps.db,
      warehouse: deps.warehouse ?? deps.db,
      intake,
      bodyBytes: deps.limits.bodyBytes,
    }),
  );
  const batchStreams = batchEventRoutes({
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
    pollMs: deps.eventPollMs,
  });
  app.use(batchStreams.router);

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return {
    app,
    closeStreams: () => {
      streams.closeAll();
      batchStreams.closeAll();
    },
    openStreams: () => streams.openCount() + batchStreams.openCount(),
  };
}
