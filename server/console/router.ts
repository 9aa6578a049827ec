// The analyst console, mounted by the REST app under /console: its own strict
// Content-Security-Policy (scripts, styles, images and requests from this server
// only, no inline script or style, no framing), sessions, pages and an HTML error page.
import { type ErrorRequestHandler, Router } from "express";
import helmet from "helmet";
import type { Logger } from "../../config/logger.js";
import type { Database, Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import type { CaseEvents } from "../case-events.js";
import { problemFor } from "../http/problem.js";
import type { RateLimiter } from "../http/rate-limit.js";
import type { IntakeDeps } from "../intake.js";
import { assetRoutes } from "./assets.js";
import { batchesRoutes } from "./batches-routes.js";
import { caseRoutes } from "./case-routes.js";
import { html } from "./html.js";
import { page } from "./layout.js";
import { linksRoutes } from "./links-routes.js";
import { queueRoutes } from "./queue-routes.js";
import { loadSession, sessionOf } from "./session.js";
import { signInRoutes } from "./sign-in.js";
import { submitRoutes } from "./submit-routes.js";

/** How long a session lasts after sign-in. */
export const SESSION_MS = 8 * 60 * 60 * 1000;

export interface ConsoleDeps {
  db: Database;
  warehouse: Queryable;
  intake: IntakeDeps;
  events: CaseEvents;
  logger: Logger;
  now: () => Date;
  failures: RateLimiter;
  /** Secure cookies (set when the console is served over HTTPS). */
  secureCookies?: boolean;
}

export const CONSOLE_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

function errorPage(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = problemFor(error, req.originalUrl.split("?")[0]);
    if (problem.status >= 500)
      logger.error(
        { reference: problem.reference, path: req.path, error: (error as Error)?.message },
        "console request failed",
      );
    if (res.headersSent) return;
    res
      .status(problem.status)
      .type("text/html; charset=utf-8")
      .send(
        page(
          { title: problem.title, ...(sessionOf(res) ? { session: sessionOf(res) } : {}) },
          html`<h1>${problem.title}</h1><p class="message error" role="alert">${problem.detail}</p>
${problem.reference ? html`<p>Reference: <code>${problem.reference}</code></p>` : ""}
<p><a href="/console">Back to the queue</a></p>`,
        ),
      );
  };
}

export function consoleRouter(deps: ConsoleDeps): Router {
  const router = Router();
  router.use("/console", helmet.contentSecurityPolicy(CONSOLE_CSP), (_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  router.use(assetRoutes());
  router.use("/console", loadSession(deps));
  const secure = deps.secureCookies ?? false;
  router.use(
    signInRoutes({
      db: deps.db,
      now: deps.now,
      failures: deps.failures,
      sessionMs: SESSION_MS,
      secureCookies: secure,
    }),
  );
  router.use(queueRoutes({ db: deps.db }));
  router.use(caseRoutes({ db: deps.db, events: deps.events, now: deps.now }));
  router.use(linksRoutes({ db: deps.db, warehouse: deps.warehouse, now: deps.now }));
  router.use(submitRoutes({ intake: deps.intake }));
  router.use(batchesRoutes({ db: deps.db, warehouse: deps.warehouse, intake: deps.intake }));
  router.use("/console", (req, _res, next) => {
    next(new AppError("not_found", `no console page ${req.originalUrl.split("?")[0]}`));
  });
  router.use("/console", errorPage(deps.logger));
  return router;
}
