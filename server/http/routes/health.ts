// Liveness (/healthz: the process answers), readiness (/readyz: the database
// answers and the server is not stopping) and /metrics for Prometheus.
import { Router } from "express";
import type { Database } from "../../../db/types.js";
import { AppError } from "../../../domain/errors.js";
import { requires } from "../auth.js";
import type { ApiMetrics } from "../metrics.js";

export function healthRoutes(deps: { db: Database; isStopping: () => boolean }): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (deps.isStopping()) throw new AppError("unavailable", "the server is shutting down");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError("unavailable", "the database did not answer within 2 s")),
        2_000,
      );
    });
    try {
      await Promise.race([deps.db.query("SELECT 1"), timeout]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("unavailable", "the database is not reachable");
    } finally {
      clearTimeout(timer);
    }
    res.json({ status: "ready", engine: deps.db.engine });
  });
  return router;
}

export function metricsRoute(metrics: ApiMetrics): Router {
  const router = Router();
  router.get("/metrics", requires("metrics"), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
