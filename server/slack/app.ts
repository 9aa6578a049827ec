// The Slack bot: the Bolt app with its handlers (the slash command, Approve and
// Override with the Override modal, questions by mention), on one of two receivers —
// HTTP, mounted at /slack/events on the REST server's express app (Slack's signature
// over the raw body checked, requests older than five minutes refused, by Bolt's
// ExpressReceiver), or Socket Mode with an app-level token (`casehound slack`).
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { App, type Authorize, ExpressReceiver, webApi } from "@slack/bolt";
import type { Express } from "express";
import type { Logger } from "../../config/logger.js";
import type { Database, Queryable } from "../../db/types.js";
import type { CaseEvents } from "../case-events.js";
import type { IntakeDeps } from "../intake.js";
import { createAccess } from "./access.js";
import { boltLogger } from "./bolt-logger.js";
import type { BotDeps } from "./deps.js";
import { registerCommand } from "./handlers/command.js";
import { registerMention } from "./handlers/mention.js";
import { registerReview } from "./handlers/review.js";
import { createMasks } from "./mask.js";
import type { SlackMode, SlackSettings } from "./settings.js";
import { createCaseWatcher, type WatchOptions } from "./watch.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackBotOptions {
  mode: SlackMode;
  settings: SlackSettings;
  db: Database;
  warehouse?: Queryable | undefined;
  intake: IntakeDeps;
  events?: CaseEvents | undefined;
  logger: Logger;
  now?: () => Date;
  answerModel?: BaseChatModel | undefined;
  /** HTTP mode: the express app the receiver mounts its route on. */
  express?: Express;
  /** Who the bot is, without asking Slack's auth.test (tests). */
  authorize?: Authorize<boolean>;
  watch?: Pick<WatchOptions, "pollMs" | "minGapMs" | "timeoutMs">;
}

export interface SlackBot {
  app: App;
  deps: BotDeps;
  /** Socket Mode: connects to Slack. HTTP mode: follows the open messages again (its route is mounted). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { settings, logger } = options;
  const clientOptions = settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {};
  const client = new webApi.WebClient(settings.botToken, {
    ...clientOptions,
    logger: boltLogger(logger),
    retryConfig: { retries: 2 },
  });
  const who = options.authorize ? { authorize: options.authorize } : { token: settings.botToken };
  let app: App;
  if (options.mode === "http") {
    if (!options.express || !settings.signingSecret)
      throw new Error("HTTP mode needs the express app and the signing secret");
    const receiver = new ExpressReceiver({
      signingSecret: settings.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      app: options.express,
      logger: boltLogger(logger),
    });
    app = new App({ receiver, ...who, clientOptions, logger: boltLogger(logger) });
  } else {
    if (!settings.appToken) throw new Error("Socket Mode needs the app-level token");
    app = new App({
      socketMode: true,
      appToken: settings.appToken,
      ...who,
      clientOptions,
      // The Socket Mode client opens its connection (apps.connections.open) with its
      // own Web API client, configured here rather than by clientOptions.
      installerOptions: { clientOptions },
      logger: boltLogger(logger),
    });
  }
  const masks = createMasks(options.db);
  const watcher = createCaseWatcher({
    db: options.db,
    client,
    masks,
    logger,
    events: options.events,
    publicUrl: settings.publicUrl,
    ...options.watch,
  });
  const deps: BotDeps = {
    db: options.db,
    warehouse: options.warehouse ?? options.db,
    intake: options.intake,
    events: options.events,
    settings,
    client,
    access: createAccess(settings.roles, client),
    masks,
    watcher,
    logger,
    answerModel: options.answerModel,
    now: options.now ?? (() => new Date()),
  };
  registerCommand(app, deps);
  registerReview(app, deps);
  registerMention(app, deps);
  app.error(async (error) => {
    logger.error(
      { error: error.message, code: (error as { code?: string }).code },
      "slack: a handler failed",
    );
  });
  return {
    app,
    deps,
    async start() {
      if (options.mode === "socket") await app.start();
      const resumed = await watcher.resume();
      if (resumed)
        logger.info({ resumed }, "slack: following the messages of unsettled cases again");
    },
    async stop() {
      watcher.stop();
      if (options.mode === "socket") await app.stop();
      await watcher.idle();
    },
  };
}
