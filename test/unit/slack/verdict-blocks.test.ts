import { describe, expect, it } from "vitest";
import {
  decodeTarget,
  encodeTarget,
  topFindings,
  verdictMessage,
} from "../../../server/slack/blocks/verdict.js";
import { decidedCase, EVIDENCE, HASH, mask } from "./fixture.js";

const render = (detail = decidedCase()) =>
  verdictMessage(detail, EVIDENCE, { mask, publicUrl: "https://casehound.example" });

describe("the verdict message", () => {
  it("shows decision, risk score, action, the top three findings with evidence and the counterfactual", () => {
    const text = JSON.stringify(render().blocks);
    expect(text).toMatch(/Decision.*fraud/);
    expect(text).toContain("0.91");
    expect(text).toContain("restrict");
    expect(text).toContain("Most buyers are days old");
    expect(text).toContain("Reviews are templated");
    expect(text).toContain("Another"); // |−0.2| beats 0.1
    expect(text).not.toContain("Small effect");
    expect(text).toContain("82% of orders");
    expect(text).toMatch(/What would change the decision.*suspicious/);
    expect(text).toContain("https://casehound.example/console/cases/case-1");
  });

  it("orders findings by the size of their weight, whichever the sign", () => {
    expect(topFindings(decidedCase().verdict as never).map((f) => f.weight)).toEqual([
      1.4, 0.9, -0.2,
    ]);
  });

  it("binds Approve and Override to the verdict hash it shows", () => {
    const actions = render().blocks.find((b) => b.type === "actions") as {
      elements: { action_id: string; value: string }[];
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      "casehound_approve",
      "casehound_override",
    ]);
    for (const e of actions.elements)
      expect(decodeTarget(e.value)).toEqual({ caseId: "case-1", verdictHash: HASH });
  });

  it("quotes seller-written evidence and the allegation so nothing pings, links or leaks", () => {
    const message = render();
    const text = JSON.stringify(message);
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U0EVIL>");
    expect(text).not.toContain("<https://evil");
    expect(text).not.toContain("jane.doe@example.com");
    expect(text).toContain("\\n>Review: &lt;!channel&gt; Great seller!! \u22175 stars\u2217");
    expect(text).toContain("[email 0badf00d]");
    // The notification text carries no untrusted text at all.
    expect(message.text).toBe("casehound: seller slr_42: fraud (risk 0.91, restrict)");
  });

  it("replaces the buttons with who reviewed it once reviewed", () => {
    const reviewed = decidedCase({
      status: "reviewed",
      reviews: [
        {
          reviewId: "r1",
          caseId: "case-1",
          verdictHash: HASH,
          reviewer: "slack:T0TEST:U0ANA (ana)",
          outcome: "overridden",
          decision: "not_fraud",
          reason: "club orders <!here>",
          createdAt: "2026-11-02T00:00:00Z",
        },
      ],
    });
    const text = JSON.stringify(render(reviewed).blocks);
    expect(text).not.toContain("casehound_approve");
    expect(text).toMatch(/Overridden to not_fraud\* by <@U0ANA>/);
    expect(text).toContain("club orders &lt;!here&gt;");
  });

  it("refuses a button value that does not name a case and a full hash", () => {
    expect(decodeTarget(encodeTarget({ caseId: "c", verdictHash: HASH }))).not.toBeNull();
    expect(decodeTarget(JSON.stringify({ c: "c", h: "abc" }))).toBeNull();
    expect(decodeTarget("not json")).toBeNull();
    expect(decodeTarget(undefined)).toBeNull();
  });
});
