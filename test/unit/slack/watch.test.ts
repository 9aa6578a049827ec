// The watcher keeps an investigation's message current, and a restarted bot follows
// the messages of cases still open — on an embedded database, with a recording client.
import type { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { migrate } from "../../../db/migrate.js";
import { createCase } from "../../../db/repositories/cases.js";
import {
  claimSlackMessage,
  openSlackMessages,
  setSlackMessageTs,
} from "../../../db/repositories/slack-messages.js";
import { createCaseEvents } from "../../../server/case-events.js";
import { createMasks } from "../../../server/slack/mask.js";
import { renderCase } from "../../../server/slack/render.js";
import { createCaseWatcher } from "../../../server/slack/watch.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

describe("following an investigation's message", () => {
  let t: TestDatabase;
  let caseId: string;

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    const { case: stored } = await createCase(
      t.db,
      { subject: { type: "seller", id: "slr_1" }, allegation: "mail jane.doe@example.com" },
      { actor: "slack:T0:U0ANA" },
    );
    caseId = stored.id;
  }, 60_000);

  afterAll(() => t?.dispose());

  it("claims a case's message once, and lists it as open once it has a ts", async () => {
    const claim = { caseId, channel: "C0CASES", requestedBy: "U0ANA" };
    expect(await claimSlackMessage(t.db, claim, new Date())).toBe(true);
    expect(await claimSlackMessage(t.db, claim, new Date())).toBe(false);
    expect(await openSlackMessages(t.db)).toEqual([]);
    await setSlackMessageTs(t.db, caseId, { channel: "C0CASES", ts: "1.000001" }, new Date());
    expect(await openSlackMessages(t.db)).toEqual([
      { caseId, channel: "C0CASES", ts: "1.000001", requestedBy: "U0ANA" },
    ]);
  });

  it("resumes an open message after a restart and updates it when the case moves", async () => {
    const updates: Record<string, unknown>[] = [];
    const client = {
      chat: {
        update: async (args: Record<string, unknown>) => {
          updates.push(args);
          return { ok: true };
        },
      },
    } as unknown as webApi.WebClient;
    const events = createCaseEvents();
    const watcher = createCaseWatcher({
      db: t.db,
      client,
      masks: createMasks(t.db),
      logger: createLogger("silent"),
      events,
      pollMs: 5_000,
      minGapMs: 10,
    });
    expect(await watcher.resume()).toBe(1);
    await until(() => updates.length === 1);
    expect(updates[0]).toMatchObject({ channel: "C0CASES", ts: "1.000001" });
    expect(JSON.stringify(updates[0]?.blocks)).toMatch(/Queued/);
    expect(JSON.stringify(updates)).not.toContain("jane.doe@example.com");
    // The case fails: a notice wakes the watcher at once (well before its 5 s poll).
    await t.db.query(
      "UPDATE casehound.cases SET status = 'failed', failed_at = now(), error = 'the warehouse was unreachable' WHERE case_id = $1",
      [caseId],
    );
    // Until the message shows it, a restarted bot would pick the message up again.
    expect((await openSlackMessages(t.db)).map((m) => m.caseId)).toEqual([caseId]);
    events.notify(caseId);
    await until(() => updates.length === 2, 2_000);
    expect(JSON.stringify(updates[1]?.blocks)).toMatch(/The investigation failed.*unreachable/);
    await watcher.idle();
    expect(await openSlackMessages(t.db)).toEqual([]);
  });
});

describe("stopping the watcher", () => {
  let t: TestDatabase;
  afterAll(() => t?.dispose());

  it("sends nothing for a render it already posted, and ends a sleeping loop at once on stop", async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    const { case: stored } = await createCase(
      t.db,
      { subject: { type: "seller", id: "slr_2" }, allegation: "odd" },
      { actor: "slack:T0:U0ANA" },
    );
    const updates: unknown[] = [];
    const client = {
      chat: { update: async (args: unknown) => updates.push(args) },
    } as unknown as webApi.WebClient;
    const masks = createMasks(t.db);
    const watcher = createCaseWatcher({
      db: t.db,
      client,
      masks,
      logger: createLogger("silent"),
      pollMs: 60_000,
    });
    const message = { caseId: stored.id, channel: "C0", ts: "2.000001", requestedBy: "U0ANA" };
    const posted = await renderCase(t.db, masks, stored.id, { requestedBy: "U0ANA" });
    watcher.follow(message, posted?.message.blocks);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    watcher.stop();
    await watcher.idle();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(updates).toEqual([]);
  }, 60_000);
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition never held");
    await new Promise((r) => setTimeout(r, 20));
  }
}
