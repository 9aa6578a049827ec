import { describe, expect, it } from "vitest";
import { batchMessage, queueMessage, sellerMessage } from "../../../server/slack/blocks/lists.js";
import { overrideModal, parseOverride } from "../../../server/slack/blocks/override-modal.js";
import { progressMessage } from "../../../server/slack/blocks/progress.js";
import { slackPlaceholders } from "../../../server/slack/mask.js";
import { decidedCase, HASH, mask } from "./fixture.js";

const at = { caseId: "case-1", verdictHash: HASH, channel: "C0CASES", ts: "1.2" };
const submitted = (decision: string | null, reason: string, metadata?: string) => ({
  private_metadata:
    metadata ?? overrideModal(at, { decision: "fraud", subject: "seller slr_42" }).private_metadata,
  state: {
    values: {
      decision: { value: { selected_option: decision ? { value: decision } : null } },
      reason: { value: { value: reason } },
    },
  },
});

describe("the Override modal", () => {
  it("offers every decision but the verdict's, and carries the verdict it was opened on", () => {
    const view = overrideModal(at, { decision: "fraud", subject: "seller slr_42" });
    const select = view.blocks.find((b) => b.block_id === "decision") as {
      element: { options: { value: string }[] };
    };
    expect(select.element.options.map((o) => o.value)).toEqual([
      "suspicious",
      "not_fraud",
      "insufficient_evidence",
    ]);
    expect(parseOverride(submitted("not_fraud", " club orders "))).toEqual({
      ok: true,
      at,
      decision: "not_fraud",
      reason: "club orders",
    });
  });

  it("reports each missing or invalid field on its own block", () => {
    expect(parseOverride(submitted(null, "  "))).toEqual({
      ok: false,
      errors: { decision: expect.any(String), reason: expect.any(String) },
    });
    expect(parseOverride(submitted("ban", "x"))).toMatchObject({
      ok: false,
      errors: { decision: expect.any(String) },
    });
    expect(parseOverride(submitted("fraud", "x", "{}"))).toMatchObject({
      ok: false,
      errors: { decision: expect.stringMatching(/lost track/) },
    });
  });
});

describe("the smaller messages", () => {
  it("shows a running case's step and evidence count, and masks its allegation", () => {
    const detail = decidedCase({ status: "running" });
    const message = progressMessage(
      detail,
      { events: 12, evidence: 5, lastStep: "sql_executed" },
      {
        mask,
        requestedBy: "U0ANA",
      },
    );
    const text = JSON.stringify(message.blocks);
    expect(text).toMatch(/Investigating seller `slr_42` — step `sql_executed`, 5 evidence so far/);
    expect(text).not.toContain("jane.doe");
    expect(text).toContain("&lt;@U0EVIL&gt;");
  });

  it("lists a seller's cases and escapes its flag reasons", () => {
    const detail = decidedCase();
    const text = JSON.stringify(
      sellerMessage(
        "slr_42",
        [detail],
        [{ sellerId: "slr_42", source: "risk_model", score: 0.9, reason: "<!channel> ring" }],
        mask,
        {},
      ).blocks,
    );
    expect(text).toContain("fraud, risk 0.91, restrict");
    expect(text).toContain("&lt;!channel&gt; ring");
  });

  it("says so when no case waits for review, and counts those that do", () => {
    expect(queueMessage([], 0, {}).blocks[0]).toMatchObject({
      text: { text: "No case waits for a human review." },
    });
    const row = {
      caseId: "case-1",
      status: "decided",
      subjectType: "seller",
      subjectId: "slr_42",
      allegation: "x",
      source: "slack",
      createdAt: "2026-11-01T10:00:00.000Z",
      decision: "fraud",
      riskScore: 0.91,
      typology: "brushing",
      needsReview: true,
      batchId: null,
      assignee: null,
    };
    expect(queueMessage([row], 3, {}).text).toBe("casehound: 3 cases wait for review");
  });

  it("summarises a finished batch", () => {
    const message = batchMessage(
      "b1",
      {
        byDecision: { fraud: 2, not_fraud: 5 },
        failed: [],
        topByRisk: [{ subject: "seller:s1", riskScore: 0.97, decision: "fraud", caseId: "c1" }],
        clusters: [],
      },
      7,
      {},
    );
    expect(JSON.stringify(message.blocks)).toMatch(/finished\* — 7 rows; fraud: 2, not_fraud: 5/);
  });

  it("writes the redactor's placeholders as words Slack does not read as links", () => {
    expect(slackPlaceholders("mail <EMAIL_3f9a2c1b> or <NATIONAL_ID_0011aabb>")).toBe(
      "mail [email 3f9a2c1b] or [national id 0011aabb]",
    );
  });
});
