// The app manifest asks for exactly what the bot uses: its one command, its one
// event, and the scopes of the Web API methods it calls (chat.postMessage,
// chat.update, chat.postEphemeral: chat:write; usergroups.users.list:
// usergroups:read; views.open needs none), all on the one endpoint.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SLACK_EVENTS_PATH } from "../../../server/slack/app.js";

const manifest = JSON.parse(
  readFileSync(new URL("../../../server/slack/manifest.json", import.meta.url), "utf8"),
) as {
  features: { slash_commands: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
};

describe("the Slack app manifest", () => {
  it("asks for exactly the scopes, command and event the bot uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      "usergroups:read",
    ]);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/casehound"]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("points every request URL at the bot's endpoint", () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
  });
});
