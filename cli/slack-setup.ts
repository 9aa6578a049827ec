// The Slack bot as the CLI starts it: settings from the environment (a clear error
// naming what is missing), the answer model from the model configuration (none:
// offline answers), and the batch notifier when a verdict channel is set. Loaded
// only when the bot is wanted, so commands without Slack never load Bolt.
import type { Env } from "../config/env.js";
import type { Logger } from "../config/logger.js";
import { createChatModels, modelConfig } from "../config/models.js";
import type { Database, Queryable } from "../db/types.js";
import type { BatchNotifier } from "../server/batch/notifier.js";
import type { CaseEvents } from "../server/case-events.js";
import type { SlackMount } from "../server/service.js";
import type { SlackMode } from "../server/slack/settings.js";

export interface SlackSetup {
  settings: import("../server/slack/settings.js").SlackSettings;
  createBot: typeof import("../server/slack/app.js").createSlackBot;
  answerModel: ReturnType<typeof createChatModels>["reasoning"];
  batchNotifier?: BatchNotifier | undefined;
}

export async function slackSetup(
  env: Env,
  mode: SlackMode,
  db: Database,
  logger: Logger,
): Promise<SlackSetup> {
  const { slackSettings } = await import("../server/slack/settings.js");
  const settings = slackSettings(env, mode);
  const { createSlackBot } = await import("../server/slack/app.js");
  const { createSlackBatchNotifier } = await import("../server/slack/batch-notifier.js");
  const { webApi } = await import("@slack/bolt");
  const batchNotifier = settings.channel
    ? createSlackBatchNotifier({
        db,
        client: new webApi.WebClient(
          settings.botToken,
          settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {},
        ),
        channel: settings.channel,
        logger,
        publicUrl: settings.publicUrl,
      })
    : undefined;
  return {
    settings,
    createBot: createSlackBot,
    answerModel: createChatModels(modelConfig(env)).reasoning,
    batchNotifier,
  };
}

/** The bot mounted on `serve`'s express app (HTTP mode). */
export function slackMount(
  setup: SlackSetup,
  deps: { db: Database; warehouse: Queryable; events: CaseEvents; logger: Logger },
): SlackMount {
  return (app, intake) =>
    setup.createBot({
      mode: "http",
      settings: setup.settings,
      express: app,
      intake,
      answerModel: setup.answerModel,
      ...deps,
    });
}

/**
 * The batch notifier alone, for a command that drives a batch in its own process
 * (`batch create --wait`, `batch wait`): set when SLACK_BOT_TOKEN and
 * CASEHOUND_SLACK_CHANNEL are, whatever else of the bot is configured.
 */
export async function cliBatchNotifier(
  env: Env,
  db: Database,
  logger: Logger,
): Promise<BatchNotifier | undefined> {
  if (!env.SLACK_BOT_TOKEN || !env.CASEHOUND_SLACK_CHANNEL) return undefined;
  const { createSlackBatchNotifier } = await import("../server/slack/batch-notifier.js");
  const { webApi } = await import("@slack/bolt");
  return createSlackBatchNotifier({
    db,
    client: new webApi.WebClient(
      env.SLACK_BOT_TOKEN,
      env.CASEHOUND_SLACK_API_URL ? { slackApiUrl: env.CASEHOUND_SLACK_API_URL } : {},
    ),
    channel: env.CASEHOUND_SLACK_CHANNEL,
    logger,
    publicUrl: env.CASEHOUND_PUBLIC_URL,
  });
}
