import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { describe, expect, it } from "vitest";
import { checkCitations, modelAnswer } from "../../../server/slack/answer/llm.js";
import { offlineAnswer, topContributions } from "../../../server/slack/answer/offline.js";
import { decidedCase, EVIDENCE, mask } from "./fixture.js";

/** A chat model whose structured output is scripted, keeping what it was sent. */
function scripted(reply: unknown | Error) {
  const sent: unknown[] = [];
  const model = {
    withStructuredOutput: () => ({
      invoke: async (messages: unknown) => {
        sent.push(messages);
        if (reply instanceof Error) throw reply;
        return reply;
      },
    }),
  } as unknown as BaseChatModel;
  return { model, sent };
}

describe("answering a question without a model", () => {
  it("gives the decision, the top contributions, the findings with evidence and the report", () => {
    const text = JSON.stringify(
      offlineAnswer(decidedCase(), EVIDENCE, { mask, publicUrl: "https://casehound.example" })
        .blocks,
    );
    expect(text).toContain("*fraud* (risk 0.91, restrict)");
    expect(text).toMatch(
      /Top contributions\* \(brushing\)\\n• `new_buyer_share` = 0.82 \(\+1.40 log-odds/,
    );
    expect(text).toContain("Most buyers are days old");
    expect(text).toContain("Report: <https://casehound.example/console/cases/case-1|case case-1>");
    expect(text).not.toContain("jane.doe@example.com");
    expect(text).not.toContain("<!channel>");
  });

  it("names the API report and the audit command when no public address is set", () => {
    const text = JSON.stringify(offlineAnswer(decidedCase(), EVIDENCE, { mask }).blocks);
    expect(text).toContain("GET /v1/cases/case-1/report");
  });

  it("ranks contributions of the most likely typology by size", () => {
    expect(topContributions(decidedCase()).contributions.map((c) => c.indicator)).toEqual([
      "new_buyer_share",
      "review_template",
    ]);
  });
});

describe("a model's answer, held to the stored evidence", () => {
  const question = "why was slr_42 flagged? mail jane.doe@example.com";

  it("is kept when every id it cites is the case's, and the model saw no personal data", async () => {
    const { model, sent } = scripted({
      answer: "Most buyers were days old (ev_0000000000000001).",
      evidence_ids: ["ev_0000000000000001"],
    });
    const result = await modelAnswer(model, question, decidedCase(), EVIDENCE, mask);
    expect(result).toEqual({
      answer: {
        answer: "Most buyers were days old (ev_0000000000000001).",
        evidence_ids: ["ev_0000000000000001"],
      },
    });
    const prompt = JSON.stringify(sent);
    expect(prompt).not.toContain("jane.doe@example.com");
    expect(prompt).toContain("untrusted_data");
  });

  it("is refused when it cites evidence the case does not hold, in its list or in its text", async () => {
    const listed = scripted({ answer: "Because.", evidence_ids: ["ev_ffffffffffffffff"] });
    expect(await modelAnswer(listed.model, question, decidedCase(), EVIDENCE, mask)).toEqual({
      fallback: expect.stringMatching(/cites ev_ffffffffffffffff, which the case does not hold/),
    });
    expect(
      checkCitations(
        { answer: "See ev_eeeeeeeeeeeeeeee.", evidence_ids: ["ev_0000000000000001"] },
        EVIDENCE,
      ),
    ).toEqual({ ok: false, reason: expect.stringContaining("ev_eeeeeeeeeeeeeeee") });
  });

  it("is refused when the output is invalid or the call fails", async () => {
    const invalid = scripted({ answer: "", evidence_ids: [] });
    expect(
      await modelAnswer(invalid.model, question, decidedCase(), EVIDENCE, mask),
    ).toHaveProperty("fallback");
    const failing = scripted(new Error("429 too many requests"));
    expect(await modelAnswer(failing.model, question, decidedCase(), EVIDENCE, mask)).toEqual({
      fallback: expect.stringMatching(/could not answer \(429/),
    });
  });
});
