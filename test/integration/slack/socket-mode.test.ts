// The bot in Socket Mode (`casehound slack`) without Slack: the real Bolt app with
// its SocketModeReceiver opens its connection through apps.connections.open at the
// Web API stand-in (the app-level token's call), connects to a loopback WebSocket
// that speaks Slack's envelope protocol, and answers /casehound envelopes in their
// acknowledgements — the same handlers as HTTP mode, refusals included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { migrate } from "../../../db/migrate.js";
import { createSlackBot, type SlackBot } from "../../../server/slack/app.js";
import { parseRoleMap } from "../../../server/slack/roles.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";
import { type SocketStandIn, startSocketStandIn } from "../../support/slack-socket-standin.js";
import { type SlackStandIn, startSlackStandIn } from "../../support/slack-standin.js";

describe("the Slack bot in Socket Mode", () => {
  let t: TestDatabase;
  let slack: SlackStandIn;
  let socket: SocketStandIn;
  let bot: SlackBot;

  const command = (user: string, text: string) => ({
    team_id: "T0TEST",
    channel_id: "C0CASES",
    user_id: user,
    user_name: "someone",
    command: "/casehound",
    text,
    api_app_id: "A0APP",
    response_url: slack.responseUrl,
    trigger_id: `trig-${user}-${text}`,
  });

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    slack = await startSlackStandIn();
    socket = await startSocketStandIn();
    slack.socketUrl.value = socket.url;
    bot = createSlackBot({
      mode: "socket",
      db: t.db,
      logger: createLogger("silent"),
      intake: { db: t.db, admit: async () => {}, now: () => new Date() },
      settings: {
        botToken: "xoxb-test",
        appToken: "xapp-test",
        roles: parseRoleMap("U0VIEWER=viewer"),
        slackApiUrl: slack.apiUrl,
      },
      authorize: async () => ({
        botToken: "xoxb-test",
        botId: "B0BOT",
        botUserId: "U0BOT",
        teamId: "T0TEST",
      }),
    });
    await bot.start();
    await socket.connected();
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await socket?.close();
    await slack?.close();
    await t?.dispose();
  });

  it("opens its connection with the app-level token's call", () => {
    expect(slack.callsOf("apps.connections.open")).toHaveLength(1);
  });

  it("answers /casehound help in the envelope's acknowledgement", async () => {
    const ack = (await socket.deliver("slash_commands", command("U0VIEWER", "help"))) as {
      response_type: string;
      blocks: unknown[];
    };
    expect(ack.response_type).toBe("ephemeral");
    expect(JSON.stringify(ack.blocks)).toMatch(/investigate seller:/);
  });

  it("refuses a stranger and a viewer's investigation as over HTTP", async () => {
    const stranger = (await socket.deliver("slash_commands", command("U0NOBODY", "queue"))) as {
      text: string;
    };
    expect(stranger.text).toMatch(/not allowed/);
    const viewer = (await socket.deliver(
      "slash_commands",
      command("U0VIEWER", "investigate seller:s1 odd"),
    )) as {
      text: string;
    };
    expect(viewer.text).toMatch(/Only analysts/);
    const { rows } = await t.db.query("SELECT 1 FROM casehound.cases");
    expect(rows).toHaveLength(0);
  });
});
