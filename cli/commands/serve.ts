// `casehound serve` (and `npm start`): the REST API. On the embedded database an
// empty warehouse is first seeded with the small demo world, so a fresh clone
// serves something to investigate. SIGINT/SIGTERM stop it gracefully: running
// cases get CASEHOUND_SHUTDOWN_GRACE_MS, then pause at a step boundary and resume
// on the next start. On server PostgreSQL the cases go through the shared pg-boss
// queue; `--no-workers` only queues them, for `casehound worker` processes elsewhere.

import { join } from "node:path";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { parsePort, parseWorkers } from "../arguments.js";
import { context } from "../context.js";
import { withCaseRunner } from "../runner.js";
import { prepareSearch } from "../search-setup.js";
import { untilSignalled } from "../until-signalled.js";

interface ServeOptions {
  port?: number;
  host?: string;
  /** A number: cases investigated at once; false (--no-workers): none, only queue them. */
  workers?: number | false;
  seed: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the REST API (see /docs); DATABASE_URL for server PostgreSQL")
    .option("--port <n>", "port (default: PORT, else 8080; 0 picks a free one)", parsePort)
    .option("--host <address>", "address to listen on (default: CASEHOUND_HOST, else 127.0.0.1)")
    .option(
      "--workers <n>",
      "cases investigated at once (default: CASEHOUND_WORKERS, else 2)",
      parseWorkers,
    )
    .option(
      "--no-workers",
      "run no cases here, only queue them for `casehound worker` processes (server PostgreSQL)",
    )
    .option("--no-seed", "do not seed the demo world into an empty embedded warehouse")
    .action(async (options: ServeOptions) => {
      const { env } = await context();
      const workers = options.workers !== false;
      if (!workers && !env.DATABASE_URL)
        throw new AppError(
          "bad_argument",
          "--no-workers needs server PostgreSQL (DATABASE_URL) and `casehound worker` processes that reach it; on the embedded database `serve` runs the cases itself",
        );
      // The server's modules load once the arguments are known to be good.
      const { createLogger } = await import("../../config/logger.js");
      const { firstFilledTable, seedWorld } = await import("../../world/generate.js");
      const { writeLabels } = await import("../../world/labels.js");
      const { createCaseEvents } = await import("../../server/case-events.js");
      const { startService } = await import("../../server/service.js");
      const { baselineRefresher } = await import("../baseline-refresher.js");
      const { loopbackUrl, mintLocalKey, publishLocalEndpoint } = await import(
        "../../server/local-endpoint.js"
      );
      const logger = createLogger(env.LOG_LEVEL);
      const events = createCaseEvents();
      const { slackRequested, slackSettings } = await import("../../server/slack/settings.js");
      const withSlack = slackRequested(env);
      // Half a Slack configuration fails now, naming what is missing, not after the database opened.
      if (withSlack) slackSettings(env, "http");
      await withCaseRunner(
        async (runner, db, _ctx, warehouse) => {
          if (db.engine === "pglite" && options.seed && (await firstFilledTable(db)) === null) {
            console.log("the embedded warehouse is empty: seeding the small demo world (seed 42)…");
            const { labels, seconds } = await seedWorld(db, { size: "small", seed: 42 });
            writeLabels(join(env.CASEHOUND_DATA_DIR, "labels.json"), labels);
            // The runner embedded an empty corpus; embed the world's pages now.
            await prepareSearch(db, env);
            console.log(`seeded in ${seconds.toFixed(1)} s (as of ${labels.as_of})`);
          }
          // On the embedded database this process is the data directory's one writer:
          // commands on this machine hand their cases to it (server/local-endpoint.ts).
          const local = db.engine === "pglite" ? mintLocalKey(new Date()) : undefined;
          // With the bot token or the signing secret set, the bot is mounted at /slack/events.
          const slack = withSlack
            ? await import("../slack-setup.js").then((m) =>
                m.slackSetup(env, "http", db, logger).then((setup) => ({
                  setup,
                  mount: m.slackMount(setup, { db, warehouse, events, logger }),
                })),
              )
            : undefined;
          const service = await startService({
            localKey: local,
            db,
            runner,
            events,
            logger,
            port: options.port ?? env.PORT,
            host: options.host ?? env.CASEHOUND_HOST,
            workers,
            concurrency: options.workers || env.CASEHOUND_WORKERS,
            leaseMs: env.CASEHOUND_RUN_LEASE_MS,
            refreshBaselines: baselineRefresher(warehouse, db),
            warehouse,
            slack: slack?.mount,
            batchNotifier: slack?.setup.batchNotifier,
            limits: {
              perKey: { perSecond: env.CASEHOUND_API_RATE, burst: env.CASEHOUND_API_BURST },
            },
            sweepMs: Math.max(1_000, Math.floor(env.CASEHOUND_RUN_LEASE_MS / 2)),
          });
          const door = local ? loopbackUrl(service.url) : undefined;
          const unpublish =
            local && door
              ? publishLocalEndpoint(env.CASEHOUND_DATA_DIR, { url: door, token: local.token })
              : () => {};
          console.log(
            `casehound API listening on ${service.url} (docs: ${service.url}/docs, ${db.location})${workers ? "" : "; no workers here: cases wait for `casehound worker`"}${slack ? `; Slack bot at ${service.url}/slack/events` : ""}`,
          );
          const signal = await untilSignalled().finally(unpublish);
          console.log(
            `${signal}: stopping; running cases get ${env.CASEHOUND_SHUTDOWN_GRACE_MS} ms to finish`,
          );
          await service.close(env.CASEHOUND_SHUTDOWN_GRACE_MS);
          console.log("stopped");
        },
        { onEvent: (event) => events.notify(event.case_id) },
      );
    });
}
