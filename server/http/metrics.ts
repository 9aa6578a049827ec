// Prometheus metrics (prom-client) on a registry of this server's own, so two
// servers in one process (tests) do not share counters.
import type { RequestHandler } from "express";
import client from "prom-client";
import type { QueueStats } from "../worker/case-queue.js";
import type { RunOutcome } from "../worker/consumer.js";

export interface ApiMetrics {
  registry: client.Registry;
  middleware: RequestHandler;
  runEnded(outcome: RunOutcome, seconds: number, decision?: string): void;
}

export type { RunOutcome };

export function createMetrics(
  queue: () => QueueStats,
  openStreams: () => number = () => 0,
): ApiMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "casehound_" });
  const requests = new client.Counter({
    name: "casehound_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: "casehound_http_request_duration_seconds",
    help: "HTTP request latency by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new client.Counter({
    name: "casehound_errors_total",
    help: "Problem responses by problem type, and failed runs (type run_failed)",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const runs = new client.Counter({
    name: "casehound_runs_total",
    help: "Investigations taken from the queue, by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const runSeconds = new client.Histogram({
    name: "casehound_run_duration_seconds",
    help: "Time from taking a case off the queue to its outcome",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const decisions = new client.Counter({
    name: "casehound_decisions_total",
    help: "Verdicts reached, by decision",
    labelNames: ["decision"] as const,
    registers: [registry],
  });
  new client.Gauge({
    name: "casehound_queue_depth",
    help: "Cases waiting for a worker slot",
    registers: [registry],
    collect() {
      this.set(queue().waiting);
    },
  });
  new client.Gauge({
    name: "casehound_queue_running",
    help: "Cases being investigated now",
    registers: [registry],
    collect() {
      this.set(queue().running);
    },
  });

  new client.Gauge({
    name: "casehound_event_streams_open",
    help: "Server-sent event streams open now",
    registers: [registry],
    collect() {
      this.set(openStreams());
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      // The matched route pattern, never the raw path (ids would explode the label set).
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : "unmatched";
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      latency.observe({ method: req.method, route }, (performance.now() - started) / 1000);
      if (typeof res.locals.problemCode === "string") errors.inc({ type: res.locals.problemCode });
    });
    next();
  };

  return {
    registry,
    middleware,
    runEnded(outcome, seconds, decision) {
      runs.inc({ outcome });
      if (outcome === "decided" || outcome === "failed") runSeconds.observe(seconds);
      if (outcome === "failed") errors.inc({ type: "run_failed" });
      if (decision && outcome === "decided") decisions.inc({ decision });
    },
  };
}
