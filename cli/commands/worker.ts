// `casehound worker`: runs queued investigations on this machine, beside any number
// of other workers (and `serve` processes) that reach the same server PostgreSQL
// (DATABASE_URL). The cases come from the shared pg-boss queue; a run whose worker
// died is taken over from its checkpoint by another. SIGINT/SIGTERM stop it
// gracefully: running cases get CASEHOUND_SHUTDOWN_GRACE_MS, then pause at a step
// boundary and are queued again for the other workers.
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { parseWorkers } from "../arguments.js";
import { context } from "../context.js";
import { withCaseRunner } from "../runner.js";
import { untilSignalled } from "../until-signalled.js";

interface WorkerCommandOptions {
  concurrency?: number;
}

export const WORKER_NEEDS_POSTGRES =
  "casehound worker needs server PostgreSQL: workers on several machines share cases through one PostgreSQL database (set DATABASE_URL). On the embedded database, `casehound serve` runs the workers itself.";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description(
      "run queued investigations here, beside other workers on any machine (DATABASE_URL)",
    )
    .option(
      "--concurrency <n>",
      "cases investigated at once (default: CASEHOUND_WORKERS, else 2)",
      parseWorkers,
    )
    .action(async (options: WorkerCommandOptions) => {
      const { env } = await context();
      // Refused before any database opens: the embedded one would work alone.
      if (!env.DATABASE_URL) throw new AppError("bad_argument", WORKER_NEEDS_POSTGRES);
      const concurrency = options.concurrency ?? env.CASEHOUND_WORKERS;
      const { createLogger } = await import("../../config/logger.js");
      const { startWorker } = await import("../../server/worker/worker.js");
      const { baselineRefresher } = await import("../baseline-refresher.js");
      const logger = createLogger(env.LOG_LEVEL);
      await withCaseRunner(async (runner, db, _ctx, warehouse) => {
        const worker = await startWorker({
          db,
          runner,
          logger,
          concurrency,
          sweepMs: Math.max(1_000, Math.floor(env.CASEHOUND_RUN_LEASE_MS / 2)),
          leaseMs: env.CASEHOUND_RUN_LEASE_MS,
          refreshBaselines: baselineRefresher(warehouse, db),
          warehouse,
        });
        logger.info({ concurrency, database: db.location, pid: process.pid }, "worker started");
        console.log(
          `casehound worker: taking cases from ${db.location}, ${concurrency} at once (pid ${process.pid}); Ctrl-C stops it`,
        );
        const signal = await untilSignalled();
        console.log(
          `${signal}: stopping; running cases get ${env.CASEHOUND_SHUTDOWN_GRACE_MS} ms to finish`,
        );
        await worker.stop(env.CASEHOUND_SHUTDOWN_GRACE_MS);
        logger.info({ pid: process.pid }, "worker stopped");
        console.log("stopped");
      });
    });
}
