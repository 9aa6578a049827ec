// The Slack bot end to end without Slack: the real Bolt app (an authorize stub
// instead of auth.test) mounted on the real REST server at /slack/events, signed
// requests as Slack sends them, and a stand-in for Slack's Web API on a loopback
// port recording every call. Slash command → progress message → verdict message →
// Override modal → review in the audit chain → message updated; retries, signatures,
// roles, questions, and PII and seller text escaped in every recorded message.

import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { readAuditChain } from "../../../db/repositories/audit.js";
import { listReviews } from "../../../db/repositories/reviews.js";
import { createSlackBot, type SlackBot } from "../../../server/slack/app.js";
import { createSlackBatchNotifier } from "../../../server/slack/batch-notifier.js";
import { parseRoleMap } from "../../../server/slack/roles.js";
import type { WorldLabels } from "../../../world/labels.js";
import { call, prepareWorld, startTestApi, type TestApi } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";
import {
  appMention,
  buttonPress,
  overrideSubmission,
  slashCommand,
} from "../../support/slack-requests.js";
import {
  postToSlackEndpoint,
  type RecordedCall,
  type SlackStandIn,
  startSlackStandIn,
} from "../../support/slack-standin.js";

const SECRET = "test-signing-secret-0123456789";
const OPEN_LIMITS = {
  perKey: { perSecond: 10_000, burst: 10_000 },
  failures: { perSecond: 10_000, burst: 10_000 },
};
/** An allegation as hostile as a Slack user (or a pasted seller message) can make it. */
const HOSTILE =
  "Buyer wrote <!channel> <@UEVIL123> see <https://evil.example/x|click here> *urgent* `rm -rf` ~gone~ mail jane.doe@example.com call +44 20 7946 0958 https://phish.example.net";

export function slackSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the Slack bot on ${engine}`, () => {
    let t: TestDatabase;
    let api: TestApi;
    let slack: SlackStandIn;
    let bot: SlackBot | undefined;
    let labels: WorldLabels;
    let events: string;
    let seller: string;
    let trigger = 0;

    const command = (user: string, text: string, triggerId = `trig-${++trigger}`) =>
      slashCommand({
        user,
        handle: user === "UANALYST" ? "ana" : "someone",
        text,
        triggerId,
        responseUrl: slack.responseUrl,
      });
    const send = (body: string, options?: Parameters<typeof postToSlackEndpoint>[3]) =>
      postToSlackEndpoint(events, SECRET, body, options);
    const press = (user: string, actionId: string, value: string, ts: string) =>
      buttonPress({
        user,
        handle: user === "UANALYST" ? "ana" : "x",
        actionId,
        value,
        ts,
        triggerId: `trig-btn-${++trigger}`,
        responseUrl: slack.responseUrl,
      });
    const ask = (user: string, eventId: string, text: string, ts: string) =>
      send(appMention({ user, eventId, text, ts }), { contentType: "application/json" });
    const isVerdictUpdate = (c: RecordedCall) =>
      c.method === "chat.update" &&
      JSON.stringify(c.args.blocks ?? []).includes("casehound_approve");

    beforeAll(async () => {
      t = await open();
      labels = await prepareWorld(t.db);
      seller = labels.subjects.find(
        (s) => s.kind === "brushing" && s.intensity === "blatant" && s.role === "primary",
      )?.subject.id as string;
      slack = await startSlackStandIn();
      slack.groups.S0REVIEWERS = ["UGROUPED"];
      api = await startTestApi(t.db, {
        url: t.url,
        limits: OPEN_LIMITS,
        concurrency: 2,
        batchNotifier: createSlackBatchNotifier({
          db: t.db,
          client: new webApi.WebClient("xoxb-test", { slackApiUrl: slack.apiUrl }),
          channel: "C0VERDICTS",
          logger: createLogger("silent"),
        }),
        slack: (app, intake) => {
          bot = createSlackBot({
            mode: "http",
            express: app,
            intake,
            db: t.db,
            logger: createLogger("silent"),
            settings: {
              botToken: "xoxb-test",
              signingSecret: SECRET,
              channel: "C0VERDICTS",
              roles: parseRoleMap("UANALYST=analyst,UVIEWER=viewer,S0REVIEWERS=analyst"),
              publicUrl: "https://casehound.example",
              slackApiUrl: slack.apiUrl,
            },
            authorize: async () => ({
              botToken: "xoxb-test",
              botId: "B0BOT",
              botUserId: "U0BOT",
              teamId: "T0TEST",
            }),
            watch: { pollMs: 100, minGapMs: 50 },
          });
          return bot;
        },
      });
      events = `${api.url}/slack/events`;
    }, 180_000);

    afterAll(async () => {
      await api?.stop();
      await slack?.close();
      await t?.dispose();
    });

    async function slackCases(): Promise<string[]> {
      const { rows } = await t.db.query<{ case_id: string }>(
        "SELECT case_id FROM casehound.cases WHERE source = 'slack' ORDER BY created_at",
      );
      return rows.map((r) => r.case_id);
    }

    it("refuses a bad signature and a stale timestamp before anything runs", async () => {
      const body = command("UANALYST", `investigate seller:${seller} forged`);
      const forged = await send(body, { signature: `v0=${"0".repeat(64)}` });
      expect(forged.status).toBe(401);
      const stale = await send(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(stale.status).toBe(401);
      expect(await slackCases()).toEqual([]);
    });

    let caseId = "";
    let verdictValue = "";
    let messageTs = "";
    let firstSentAt = 0;

    it("acknowledges /casehound investigate at once, posts a message and updates it with the verdict", async () => {
      const body = command(
        "UANALYST",
        `investigate seller:${seller} ${HOSTILE}`,
        "trig-investigate",
      );
      firstSentAt = Math.floor(Date.now() / 1000);
      const answer = await send(body, { timestamp: firstSentAt });
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(3_000);
      expect(JSON.parse(answer.text)).toMatchObject({ response_type: "ephemeral" });
      const posted = await slack.waitFor(
        (c) => c.method === "chat.postMessage" && c.args.channel === "C0CASES",
      );
      // The first message is the run's progress, shown before any verdict exists.
      expect(JSON.stringify(posted.args.blocks)).toMatch(/Queued|Investigating/);
      expect(JSON.stringify(posted.args.blocks)).not.toContain("casehound_approve");
      const cases = await slackCases();
      expect(cases).toHaveLength(1);
      caseId = cases[0] as string;
      const stored = await t.db.query<{ source: string }>(
        "SELECT source FROM casehound.cases WHERE case_id = $1",
        [caseId],
      );
      expect(stored.rows[0]?.source).toBe("slack");
      const chain = await readAuditChain(t.db, caseId);
      expect(chain[0]?.actor).toContain("slack:T0TEST:UANALYST");
      const verdict = await slack.waitFor(isVerdictUpdate, 90_000);
      messageTs = String(verdict.args.ts);
      // The message posted is the message updated: same channel, Slack's ts for it.
      expect(posted.args.channel).toBe(verdict.args.channel);
      expect(messageTs).toMatch(/^1700000000\.\d{6}$/);
      const blocks = verdict.args.blocks as {
        type: string;
        elements?: { action_id: string; value: string }[];
      }[];
      const actions = blocks.find((b) => b.type === "actions");
      verdictValue =
        actions?.elements?.find((e) => e.action_id === "casehound_approve")?.value ?? "";
      expect(JSON.parse(verdictValue)).toMatchObject({ c: caseId });
      expect(JSON.stringify(blocks)).toMatch(/Top findings/);
    }, 120_000);

    it("never starts a second case for a retried or replayed command", async () => {
      const before = slack.callsOf("chat.postMessage").length;
      const body = command(
        "UANALYST",
        `investigate seller:${seller} ${HOSTILE}`,
        "trig-investigate",
      );
      const retried = await send(body, {
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(retried.status).toBe(200);
      await slack.waitFor(
        (c) => c.method === "response_url" && /already submitted/.test(String(c.args.text)),
      );
      // The very same signed request again (an attacker's or a proxy's replay, inside
      // the five minutes): the same case, and no second message.
      const replies = () =>
        slack.calls.filter(
          (c) => c.method === "response_url" && /already submitted/.test(String(c.args.text)),
        ).length;
      const repliedBefore = replies();
      const replayed = await send(body, { timestamp: firstSentAt });
      expect(replayed.status).toBe(200);
      await slack.waitFor(() => replies() === repliedBefore + 1);
      expect(await slackCases()).toEqual([caseId]);
      expect(slack.callsOf("chat.postMessage").length).toBe(before);
    });

    it("refuses a viewer's investigation and a stranger's everything, ephemerally", async () => {
      const viewer = await send(command("UVIEWER", `investigate seller:${seller} looks odd`));
      expect(JSON.parse(viewer.text)).toMatchObject({
        response_type: "ephemeral",
        text: expect.stringMatching(/Only analysts/),
      });
      const stranger = await send(command("UNOBODY", "queue"));
      expect(JSON.parse(stranger.text).text).toMatch(/not allowed/);
      await send(press("UNOBODY", "casehound_approve", verdictValue, messageTs));
      await slack.waitFor((c) => c.method === "chat.postEphemeral" && c.args.user === "UNOBODY");
      expect(await slackCases()).toEqual([caseId]);
      expect(await listReviews(t.db, caseId)).toEqual([]);
    });

    it("answers status, seller and queue to anyone with a role", async () => {
      const status = JSON.parse((await send(command("UVIEWER", `status ${caseId}`))).text);
      expect(JSON.stringify(status.blocks)).toContain(caseId.slice(0, 8));
      const past = JSON.parse((await send(command("UGROUPED", `seller ${seller}`))).text);
      expect(JSON.stringify(past.blocks)).toMatch(/Past cases and verdicts/);
      expect(JSON.stringify(past.blocks)).toContain(caseId.slice(0, 8));
      const queue = JSON.parse((await send(command("UVIEWER", "queue"))).text);
      expect(queue.text).toMatch(/cases wait for review/);
      const help = JSON.parse((await send(command("UVIEWER", "help"))).text);
      expect(JSON.stringify(help.blocks)).toMatch(/investigate seller:/);
    });

    it("answers a stale Approve ephemerally and records nothing", async () => {
      const stale = JSON.stringify({ ...JSON.parse(verdictValue), h: "ab".repeat(32) });
      await send(press("UANALYST", "casehound_approve", stale, messageTs));
      await slack.waitFor(
        (c) => c.method === "chat.postEphemeral" && /stale/.test(String(c.args.text)),
      );
      expect(await listReviews(t.db, caseId)).toEqual([]);
    });

    it("opens the Override modal, shows its validation errors, then records the review and updates the message", async () => {
      await send(press("UANALYST", "casehound_override", verdictValue, messageTs));
      const opened = await slack.waitFor((c) => c.method === "views.open");
      const view = opened.args.view as { callback_id: string; private_metadata: string };
      expect(view.callback_id).toBe("casehound_override_modal");
      const submit = (decision: string | null, reason: string) =>
        send(overrideSubmission({ user: "UANALYST", handle: "ana", view, decision, reason }));
      const invalid = await submit(null, "   ");
      expect(JSON.parse(invalid.text)).toEqual({
        response_action: "errors",
        errors: { decision: expect.any(String), reason: expect.any(String) },
      });
      expect(await listReviews(t.db, caseId)).toEqual([]);
      const ok = await submit(
        "not_fraud",
        "The buyers are a university club; checked with the seller.",
      );
      expect(ok.status).toBe(200);
      const updated = await slack.waitFor(
        (c) =>
          c.method === "chat.update" &&
          /Overridden to not_fraud/.test(JSON.stringify(c.args.blocks)),
      );
      expect(updated.args).toMatchObject({ channel: "C0CASES", ts: messageTs });
      expect(JSON.stringify(updated.args.blocks)).toContain("<@UANALYST>");
      expect(JSON.stringify(updated.args.blocks)).not.toContain("casehound_approve");
      const reviews = await listReviews(t.db, caseId);
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({
        outcome: "overridden",
        decision: "not_fraud",
        verdictHash: JSON.parse(verdictValue).h,
        reviewer: "slack:T0TEST:UANALYST (ana)",
      });
      const last = (await readAuditChain(t.db, caseId)).at(-1);
      expect(last).toMatchObject({ kind: "review", actor: "analyst:slack:T0TEST:UANALYST (ana)" });
    });

    it("answers a question about a seller from the stored case, and refuses a stranger's", async () => {
      const mention = (user: string, id: string) =>
        ask(user, id, `<@U0BOT> why was seller:${seller} flagged?`, `1700000100.${id.slice(-3)}`);
      const asked = await mention("UVIEWER", "Ev0001");
      expect(asked.status).toBe(200);
      const answer = await slack.waitFor(
        (c) => c.method === "chat.postMessage" && c.args.thread_ts === "1700000100.001",
      );
      const text = JSON.stringify(answer.args.blocks);
      // Slack's retry of the same event is answered once.
      await send(
        appMention({
          user: "UVIEWER",
          eventId: "Ev0001",
          text: `<@U0BOT> why was seller:${seller} flagged?`,
          ts: "1700000100.001",
        }),
        { contentType: "application/json", headers: { "x-slack-retry-num": "1" } },
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(
        slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === "1700000100.001"),
      ).toHaveLength(1);
      expect(text).toMatch(/Top contributions/);
      expect(text).toMatch(/Findings/);
      expect(text).toContain(`https://casehound.example/console/cases/${caseId}`);
      const refusals = () =>
        slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === "UNOBODY").length;
      const before = refusals();
      const answers = slack.callsOf("chat.postMessage").length;
      await mention("UNOBODY", "Ev0002");
      await slack.waitFor(() => refusals() === before + 1);
      expect(slack.callsOf("chat.postMessage").length).toBe(answers);
    });

    it("leads with a model's answer only when it cites the case's own evidence", async () => {
      if (!bot) throw new Error("the bot was not mounted");
      const question = async (id: string) => {
        await ask("UANALYST", id, `<@U0BOT> why ${caseId}?`, `1700000200.${id.slice(-3)}`);
        const answer = await slack.waitFor(
          (c) =>
            c.method === "chat.postMessage" && c.args.thread_ts === `1700000200.${id.slice(-3)}`,
        );
        return JSON.stringify(answer.args.blocks);
      };
      const cited = (
        await t.db.query<{ id: string }>(
          "SELECT e.evidence_id AS id FROM casehound.evidence e WHERE e.case_id = $1 LIMIT 1",
          [caseId],
        )
      ).rows[0]?.id as string;
      const scripted = (reply: unknown) =>
        ({ withStructuredOutput: () => ({ invoke: async () => reply }) }) as never;
      bot.deps.answerModel = scripted({
        answer: "Invented <!channel>.",
        evidence_ids: ["ev_ffffffffffffffff"],
      });
      const refused = await question("Ev0101");
      expect(refused).not.toContain("Invented");
      expect(refused).toMatch(/Top contributions/);
      bot.deps.answerModel = scripted({
        answer: `Young buyers <!channel> (${cited}).`,
        evidence_ids: [cited],
      });
      const kept = await question("Ev0102");
      expect(kept).toContain("Young buyers &lt;!channel&gt;");
      expect(kept).toContain(`Cites \`${cited}\``);
      bot.deps.answerModel = undefined;
    });

    it("posts a finished batch's summary to the verdict channel once", async () => {
      const created = await call(api, "POST", "/v1/batches", {
        key: api.keys.analyst,
        json: {
          subjects: labels.subjects
            .filter((s) => s.subject.type === "seller")
            .slice(0, 2)
            .map((s) => ({ subject: s.subject, allegation: "re-review from the test" })),
        },
      });
      expect(created.status, created.text).toBe(202);
      const batchId = (created.body as { id: string }).id;
      const summary = await slack.waitFor(
        (c) =>
          c.method === "chat.postMessage" &&
          c.args.channel === "C0VERDICTS" &&
          String(c.args.text).includes(batchId),
        120_000,
      );
      expect(JSON.stringify(summary.args.blocks)).toMatch(/finished\* — 2 rows/);
      // Later settles of the same batch (and any other process) find the post claimed.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(
        slack.calls.filter(
          (c) => c.method === "chat.postMessage" && String(c.args.text).includes(batchId),
        ),
      ).toHaveLength(1);
    }, 150_000);

    it("masks personal data and neutralises seller text in every message it sent", () => {
      const sent = slack.calls.filter(
        (c) => c.method !== "usergroups.users.list" && c.method !== "views.open",
      );
      expect(sent.length).toBeGreaterThan(4);
      const everything = sent.map((c) => JSON.stringify(c.args)).join("\n");
      expect(everything).not.toContain("jane.doe@example.com");
      expect(everything).not.toMatch(/7946\s?0958/);
      expect(everything).not.toContain("<!channel>");
      expect(everything).not.toContain("<@UEVIL123>");
      expect(everything).not.toContain("<https://evil");
      expect(everything).not.toContain("https://phish");
      expect(everything).toContain("&lt;!channel&gt;");
      expect(everything).toMatch(/\[email [0-9a-f]{8}\]/);
    });
  });
}
