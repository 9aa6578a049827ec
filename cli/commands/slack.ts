// `casehound slack`: the Slack bot in Socket Mode (SLACK_BOT_TOKEN and an app-level
// SLACK_APP_TOKEN; no public address needed), beside a worker that runs the cases
// it submits — the in-process queue on the embedded database (this process is then
// its one writer: stop `serve` first), pg-boss on server PostgreSQL (alongside any
// `casehound worker`). For HTTP mode, set SLACK_SIGNING_SECRET and run `serve`.
import type { Command } from "commander";
import { context } from "../context.js";
import { withCaseRunner } from "../runner.js";
import { untilSignalled } from "../until-signalled.js";

export function registerSlackCommand(program: Command): void {
  program
    .command("slack")
    .description(
      "run the Slack bot in Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN, CASEHOUND_SLACK_ROLES) with a worker",
    )
    .action(async () => {
      const { env } = await context();
      const { slackSettings } = await import("../../server/slack/settings.js");
      slackSettings(env, "socket");
      const { createLogger } = await import("../../config/logger.js");
      const { createCaseEvents } = await import("../../server/case-events.js");
      const { startWorker } = await import("../../server/worker/worker.js");
      const { slackSetup } = await import("../slack-setup.js");
      const logger = createLogger(env.LOG_LEVEL);
      const events = createCaseEvents();
      await withCaseRunner(
        async (runner, db, _ctx, warehouse) => {
          const setup = await slackSetup(env, "socket", db, logger);
          const worker = await startWorker({
            db,
            runner,
            logger,
            concurrency: env.CASEHOUND_WORKERS,
            sweepMs: Math.max(1_000, Math.floor(env.CASEHOUND_RUN_LEASE_MS / 2)),
            leaseMs: env.CASEHOUND_RUN_LEASE_MS,
            warehouse,
            batchNotifier: setup.batchNotifier,
            onSettled: (caseId) => events.notify(caseId),
          });
          const bot = setup.createBot({
            mode: "socket",
            settings: setup.settings,
            db,
            warehouse,
            events,
            logger,
            answerModel: setup.answerModel,
            intake: {
              db,
              admit: (request) => runner.admit(request),
              queue: worker.queue,
              notify: (caseId) => events.notify(caseId),
              now: () => new Date(),
            },
          });
          await bot.start();
          console.log(
            `casehound slack: connected in Socket Mode; cases run here (${db.location}); Ctrl-C stops it`,
          );
          const signal = await untilSignalled();
          console.log(`${signal}: stopping`);
          await bot.stop();
          await worker.stop(env.CASEHOUND_SHUTDOWN_GRACE_MS);
          console.log("stopped");
        },
        { onEvent: (event) => events.notify(event.case_id) },
      );
    });
}
