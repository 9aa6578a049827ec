// A model's short answer to a question about a decided case, held to the stored
// evidence as verdict findings are (agents/reasoning/llm.ts): every id it cites, in
// evidence_ids or in its text, must be evidence of the case. Anything else — an
// unknown id, no citation, invalid output, a failed call — returns null, and the
// bot answers from the stored case alone. Personal data is masked before the model
// sees it; seller-written evidence goes in as untrusted data.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { z } from "zod";
import type { CaseDetail } from "../../../db/repositories/case-views.js";
import type { Evidence } from "../../../domain/evidence.js";
import { SLACK_ANSWER_PROMPT, slackAnswerMessage } from "../../../prompts/slack-answer.js";
import { untrustedBlock } from "../../../tools/untrusted/quote.js";
import type { Mask } from "../mask.js";
import { topContributions } from "./offline.js";

export const ModelAnswer = z.object({
  answer: z.string().min(1).max(1200).describe("The answer, at most four plain sentences"),
  evidence_ids: z
    .array(z.string().max(40))
    .min(1)
    .max(8)
    .describe("Ids of the evidence the answer rests on"),
});
export type ModelAnswer = z.infer<typeof ModelAnswer>;

const EVIDENCE_ID = /\bev_[0-9a-f]{16}\b/g;

/** The answer when every id it cites is evidence of the case; else the reason it is not. */
export function checkCitations(
  answer: ModelAnswer,
  evidence: readonly Evidence[],
): { ok: true } | { ok: false; reason: string } {
  const held = new Set(evidence.map((e) => e.id));
  const cited = [...answer.evidence_ids, ...(answer.answer.match(EVIDENCE_ID) ?? [])];
  const unknown = cited.filter((id) => !held.has(id));
  return unknown.length
    ? {
        ok: false,
        reason: `cites ${[...new Set(unknown)].join(", ")}, which the case does not hold`,
      }
    : { ok: true };
}

function verdictDigest(detail: CaseDetail, mask: Mask): string {
  const v = detail.verdict;
  if (!v) return "no verdict";
  const { typology, contributions } = topContributions(detail, 5);
  return mask(
    [
      `subject: ${detail.subject.type} ${detail.subject.id}; decision ${v.decision}, risk ${v.risk_score.toFixed(2)}, action ${v.recommended_action}`,
      `leading typology: ${typology ?? "none"}; top contributions: ${contributions.map((c) => `${c.indicator}=${c.value} (${c.log_odds.toFixed(2)}, ${c.evidence_id})`).join("; ")}`,
      ...v.findings.slice(0, 8).map((f) => `finding: ${f.claim} [${f.evidence_ids.join(", ")}]`),
    ].join("\n"),
  );
}

function evidenceDigest(evidence: readonly Evidence[], mask: Mask): string {
  return evidence
    .slice(0, 40)
    .map((e) =>
      e.untrusted
        ? untrustedBlock({
            label: e.kind,
            provenance: { source: e.source.via, evidence: e.id },
            text: mask(e.summary),
            maxChars: 400,
          })
        : `${e.id} (${e.kind}): ${mask(e.summary)}`,
    )
    .join("\n");
}

export async function modelAnswer(
  model: BaseChatModel,
  question: string,
  detail: CaseDetail,
  evidence: readonly Evidence[],
  mask: Mask,
): Promise<{ answer: ModelAnswer } | { fallback: string }> {
  try {
    const structured = model.withStructuredOutput(ModelAnswer, { name: "answer_question" });
    const raw = await structured.invoke([
      { role: "system", content: SLACK_ANSWER_PROMPT.system },
      {
        role: "user",
        content: slackAnswerMessage({
          question: mask(question).slice(0, 1000),
          verdict: verdictDigest(detail, mask),
          evidence: evidenceDigest(evidence, mask),
        }),
      },
    ]);
    const parsed = ModelAnswer.safeParse(raw);
    if (!parsed.success) return { fallback: "the model's answer was not valid" };
    const checked = checkCitations(parsed.data, evidence);
    return checked.ok
      ? { answer: parsed.data }
      : { fallback: `the model's answer ${checked.reason}` };
  } catch (error) {
    return { fallback: `the model could not answer (${(error as Error).message.slice(0, 200)})` };
  }
}
