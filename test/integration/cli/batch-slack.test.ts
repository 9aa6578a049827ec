// `casehound batch create --wait` driving a batch in its own process, with a Slack
// bot token and channel set: the finished batch's summary is posted to the channel
// (at the stand-in for Slack's Web API), once, and a second finish (`batch wait`)
// posts nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../../db/pglite.js";
import { prepareWorld } from "../../support/api.js";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCliAsync } from "../../support/run-cli.js";
import { type SlackStandIn, startSlackStandIn } from "../../support/slack-standin.js";

describe("casehound batch with a Slack channel", () => {
  const dir = tempDir("casehound-batch-slack-");
  let slack: SlackStandIn;
  let env: Record<string, string>;

  beforeAll(async () => {
    const db = await openPglite(dir);
    try {
      await prepareWorld(db);
    } finally {
      await db.close();
    }
    slack = await startSlackStandIn();
    env = {
      CASEHOUND_DATA_DIR: dir,
      CASEHOUND_WORKERS: "2",
      SLACK_BOT_TOKEN: "xoxb-batch-test",
      CASEHOUND_SLACK_CHANNEL: "C0BATCHES",
      CASEHOUND_SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: "silent",
    };
  }, 120_000);

  afterAll(async () => {
    await slack?.close();
    removeDir(dir);
  });

  it("posts the finished batch's summary to the channel once", async () => {
    const run = await runCliAsync(
      ["batch", "create", "--flagged", "--limit", "2", "--wait", "--json"],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    // --wait --json prints the finished batch with its summary.
    const batchId = (JSON.parse(run.stdout) as { batch: { id: string } }).batch.id;
    const posts = () =>
      slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "C0BATCHES");
    expect(posts()).toHaveLength(1);
    expect(String(posts()[0]?.args.text)).toContain(batchId);
    expect(JSON.stringify(posts()[0]?.args.blocks)).toMatch(/finished\* — 2 rows/);
    const again = await runCliAsync(["batch", "wait", batchId, "--json"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(posts()).toHaveLength(1);
  }, 240_000);
});
