// `casehound serve` as a user starts it with the Slack bot configured: the bot is
// mounted at /slack/events and answers a signed /casehound help through the
// production path (a bot token, so Bolt asks auth.test — here the stand-in), an
// unsigned request is refused, and the REST API beside it is unaffected.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../../support/engines.js";
import { BIN } from "../../support/run-cli.js";
import {
  postToSlackEndpoint,
  type SlackStandIn,
  startSlackStandIn,
} from "../../support/slack-standin.js";

const SECRET = "cli-signing-secret-0123456789";

describe("casehound serve with the Slack bot", () => {
  let slack: SlackStandIn;
  let dir: string;
  let server: ReturnType<typeof spawn>;
  let url = "";

  beforeAll(async () => {
    slack = await startSlackStandIn();
    dir = tempDir();
    server = spawn(process.execPath, [BIN, "serve", "--port", "0", "--no-seed"], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        CASEHOUND_DATA_DIR: dir,
        SLACK_BOT_TOKEN: "xoxb-cli-test",
        SLACK_SIGNING_SECRET: SECRET,
        CASEHOUND_SLACK_ROLES: "U0VIEWER=viewer",
        CASEHOUND_SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`serve never listened: ${out}`)), 90_000);
      server.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/[^\s]+) .*Slack bot at/.exec(out);
        if (found) {
          clearTimeout(timer);
          url = found[1] as string;
          resolve();
        }
      });
      server.once("exit", (code) => reject(new Error(`serve exited (${code}): ${out}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    await slack?.close();
    if (dir) removeDir(dir);
  });

  it("answers a signed /casehound help and refuses an unsigned request", async () => {
    const body = new URLSearchParams({
      team_id: "T0CLI",
      channel_id: "C0CLI",
      user_id: "U0VIEWER",
      user_name: "vi",
      command: "/casehound",
      text: "help",
      api_app_id: "A0APP",
      response_url: slack.responseUrl,
      trigger_id: "trig-cli",
    }).toString();
    const answer = await postToSlackEndpoint(`${url}/slack/events`, SECRET, body);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(JSON.parse(answer.text).blocks)).toMatch(/investigate seller:/);
    // The production path: the bot token was checked with auth.test at the stand-in.
    expect(slack.callsOf("auth.test")).toHaveLength(1);
    const unsigned = await fetch(`${url}/slack/events`, { method: "POST", body });
    expect(unsigned.status).toBe(401);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });
});
