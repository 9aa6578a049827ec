// The bot's configuration, read from the parsed environment (config/env.ts): what
// each mode needs, and a clear error naming whatever is missing. HTTP mode (mounted
// on `serve` at /slack/events) needs the bot token and the signing secret; Socket
// Mode (`casehound slack`) the bot token and an app-level token. Both need someone
// allowed to use the bot (CASEHOUND_SLACK_ROLES).
import type { Env } from "../../config/env.js";
import { AppError } from "../../domain/errors.js";
import { parseRoleMap, type RoleMap } from "./roles.js";

export type SlackMode = "http" | "socket";

export interface SlackSettings {
  botToken: string;
  /** HTTP mode: the secret Slack signs requests with. */
  signingSecret?: string | undefined;
  /** Socket Mode: the app-level token (xapp-…). */
  appToken?: string | undefined;
  /** Batch summaries go here, and an investigation's message when its channel is closed to the bot. */
  channel?: string | undefined;
  roles: RoleMap;
  /** The server's public address, for links to case pages. */
  publicUrl?: string | undefined;
  /** Slack's Web API address (a test's stand-in); unset: Slack's own. */
  slackApiUrl?: string | undefined;
}

const NEEDS: Record<SlackMode, readonly (keyof Env)[]> = {
  http: ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "CASEHOUND_SLACK_ROLES"],
  socket: ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "CASEHOUND_SLACK_ROLES"],
};

/** True when `serve` should mount the bot: the bot token or the signing secret is set. */
export function slackRequested(env: Env): boolean {
  return env.SLACK_BOT_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined;
}

export function slackSettings(env: Env, mode: SlackMode): SlackSettings {
  const missing = NEEDS[mode].filter((name) => env[name] === undefined);
  if (missing.length)
    throw new AppError(
      "config_invalid",
      `the Slack bot (${mode === "http" ? "HTTP mode, /slack/events" : "Socket Mode, `casehound slack`"}) needs ${missing.join(", ")}: ${missing.length === 1 ? "it is" : "they are"} not set (see the README, "Slack")`,
      { details: { missing } },
    );
  return {
    botToken: env.SLACK_BOT_TOKEN as string,
    signingSecret: env.SLACK_SIGNING_SECRET,
    appToken: env.SLACK_APP_TOKEN,
    channel: env.CASEHOUND_SLACK_CHANNEL,
    roles: parseRoleMap(env.CASEHOUND_SLACK_ROLES),
    publicUrl: env.CASEHOUND_PUBLIC_URL,
    slackApiUrl: env.CASEHOUND_SLACK_API_URL,
  };
}
