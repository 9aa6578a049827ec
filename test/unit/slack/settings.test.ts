import { describe, expect, it } from "vitest";
import { loadEnv } from "../../../config/env.js";
import { slackRequested, slackSettings } from "../../../server/slack/settings.js";

const base = { CASEHOUND_SLACK_ROLES: "U0AAA=analyst" };

describe("the bot's configuration", () => {
  it("is wanted by serve once the bot token or the signing secret is set", () => {
    expect(slackRequested(loadEnv({}))).toBe(false);
    expect(slackRequested(loadEnv({ SLACK_SIGNING_SECRET: "s3cret-s3cret" }))).toBe(true);
  });

  it("names every variable HTTP mode is missing", () => {
    const env = loadEnv({ SLACK_SIGNING_SECRET: "s3cret-s3cret" });
    expect(() => slackSettings(env, "http")).toThrow(
      /needs SLACK_BOT_TOKEN, CASEHOUND_SLACK_ROLES: they are not set/,
    );
  });

  it("names the app-level token Socket Mode needs", () => {
    const env = loadEnv({ ...base, SLACK_BOT_TOKEN: "xoxb-1-2-abc" });
    expect(() => slackSettings(env, "socket")).toThrow(/needs SLACK_APP_TOKEN: it is not set/);
  });

  it("reads a complete configuration with its roles", () => {
    const env = loadEnv({
      ...base,
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "s3cret-s3cret",
      CASEHOUND_SLACK_CHANNEL: "C0VERDICT",
      CASEHOUND_PUBLIC_URL: "https://casehound.example",
    });
    const settings = slackSettings(env, "http");
    expect(settings).toMatchObject({ botToken: "xoxb-1-2-abc", channel: "C0VERDICT" });
    expect(settings.roles.users.get("U0AAA")).toBe("analyst");
  });

  it("refuses a token of the wrong kind and a malformed role list at parse time", () => {
    expect(() => loadEnv({ SLACK_BOT_TOKEN: "xapp-1-2" })).toThrow(
      /SLACK_BOT_TOKEN must be a bot token/,
    );
    expect(() => loadEnv({ CASEHOUND_SLACK_ROLES: "everyone" })).toThrow(/CASEHOUND_SLACK_ROLES/);
  });
});
