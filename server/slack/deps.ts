// What the bot's handlers share: the stores they read and write (through the same
// use cases as the other doors), the intake, the Web API client, masks, access and
// the watcher that keeps investigation messages current.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../config/logger.js";
import type { Database, Queryable } from "../../db/types.js";
import type { CaseEvents } from "../case-events.js";
import type { IntakeDeps } from "../intake.js";
import type { Access } from "./access.js";
import type { Masks } from "./mask.js";
import type { SlackSettings } from "./settings.js";
import type { CaseWatcher } from "./watch.js";

export interface BotDeps {
  db: Database;
  /** Where risk.flags live (the warehouse; by default the app database). */
  warehouse: Queryable;
  intake: IntakeDeps;
  events?: CaseEvents | undefined;
  settings: SlackSettings;
  client: webApi.WebClient;
  access: Access;
  masks: Masks;
  watcher: CaseWatcher;
  logger: Logger;
  /** A chat model for answers to questions; absent: answers are built from the stored case alone. */
  answerModel?: BaseChatModel | undefined;
  now: () => Date;
}

/** Who did it, for the audit chain: the workspace and the Slack user (and their handle). */
export function slackActor(teamId: string | undefined, userId: string, handle?: string): string {
  const name = (handle ?? "").replace(/[^\w.-]/g, "").slice(0, 60);
  return `slack:${teamId ?? "-"}:${userId}${name ? ` (${name})` : ""}`;
}

export const REFUSAL =
  "You are not allowed to use casehound from Slack. Ask an admin to add you (or a user group you are in) to CASEHOUND_SLACK_ROLES.";
export const VIEWER_REFUSAL =
  "Only analysts may do that; you may ask (help, status, seller, queue, or mention me with a question).";
