// The model-driven reasoner. The model drafts a decision from the indicator table
// (structured features), casehound's calibrated scores and the evidence; code then
// holds it to the evidence: a finding citing an id the case does not hold is
// rejected, and each finding's weight and strength come from the calibrated
// contributions of the indicators it cites, not from the model's say-so, so the
// ban gate counts only signals the data carries.
import { z } from "zod";
import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Judgement } from "../../domain/profile.js";
import { Typology } from "../../domain/typology.js";
import {
  Decision,
  type Finding,
  RecommendedAction,
  type TypologyAssessment,
} from "../../domain/verdict.js";
import { promptRef } from "../../prompts/prompt.js";
import { REASONING_PROMPT, reasoningMessage } from "../../prompts/reasoning.js";
import type { ModelGateway } from "../../tools/model/gateway.js";
import { structuredCall } from "../../tools/model/structured.js";
import type { ModelCall } from "../../tools/model/types.js";
import { evidenceDigest, indicatorTable, scoreTable } from "../prompt-context.js";
import { STRONG_SIGNAL } from "./model.js";

const ModelFinding = z.object({
  claim: z.string().min(1).max(500),
  typology: Typology.nullable(),
  evidence_ids: z.array(z.string().max(40)).min(1).max(10).describe("Ids of the evidence cited"),
});

export const ModelJudgement = z.object({
  decision: Decision,
  typology: Typology.nullable().describe("The most likely typology, null when not fraud"),
  risk_score: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  recommended_action: RecommendedAction,
  findings: z.array(ModelFinding).max(12),
  counter_evidence: z.array(ModelFinding).max(12),
  reasoning: z.array(z.string().max(600)).max(12).describe("The steps of the argument"),
});
export type ModelJudgement = z.infer<typeof ModelJudgement>;

export const SUBMIT_JUDGEMENT = {
  name: "submit_judgement",
  description: "Submit the draft decision with its findings and counter-evidence.",
  schema: ModelJudgement,
};

export interface Grounded {
  judgement: Judgement;
  /** Findings dropped because they cite evidence the case does not hold. */
  rejected: string[];
}

/** Holds a model's draft to the case's evidence and the calibrated contributions. */
export function ground(
  draft: ModelJudgement,
  evidence: readonly Evidence[],
  assessments: readonly TypologyAssessment[],
  readings: readonly IndicatorReading[],
): Grounded {
  const ids = new Set(evidence.map((e) => e.id));
  const indicatorOf = new Map(readings.map((r) => [r.evidence_id, r.indicator]));
  const rejected: string[] = [];
  const toFinding = (f: z.infer<typeof ModelFinding>, sign: 1 | -1): Finding | null => {
    const missing = f.evidence_ids.filter((id) => !ids.has(id));
    if (missing.length) {
      rejected.push(
        `"${f.claim.slice(0, 120)}" cites ${missing.join(", ")}, which the case does not hold`,
      );
      return null;
    }
    const contributions = (assessments.find((a) => a.typology === f.typology)?.contributions ?? [])
      .filter((c) => f.evidence_ids.includes(c.evidence_id))
      .sort((a, b) => sign * (b.log_odds - a.log_odds));
    const weight = contributions.reduce((s, c) => s + c.log_odds, 0);
    const size = Math.abs(weight);
    return {
      claim: f.claim,
      typology: f.typology,
      basis:
        contributions[0]?.indicator ??
        f.evidence_ids.map((id) => indicatorOf.get(id)).find(Boolean) ??
        "model",
      evidence_ids: [...new Set(f.evidence_ids)],
      weight,
      strength: size >= STRONG_SIGNAL ? "strong" : size >= 1 ? "moderate" : "weak",
    };
  };
  const keep = (list: z.infer<typeof ModelFinding>[], sign: 1 | -1) =>
    list.map((f) => toFinding(f, sign)).filter((f): f is Finding => f !== null);
  return {
    judgement: {
      decision: draft.decision,
      topTypology: draft.decision === "not_fraud" ? null : draft.typology,
      riskScore: draft.risk_score,
      confidence: draft.confidence,
      action: draft.recommended_action,
      findings: keep(draft.findings, 1),
      counter: keep(draft.counter_evidence, -1),
      reasoning: draft.reasoning,
    },
    rejected,
  };
}

export interface LlmReasoningResult {
  grounded: Grounded | null;
  calls: ModelCall[];
  failure: string | null;
}

export async function reasonWithModel(
  gateway: ModelGateway,
  input: {
    caseText: string;
    evidence: readonly Evidence[];
    readings: readonly IndicatorReading[];
    assessments: readonly TypologyAssessment[];
  },
): Promise<LlmReasoningResult> {
  const result = await structuredCall(gateway, "reasoning", {
    prompt: promptRef(REASONING_PROMPT),
    messages: [
      { role: "system", content: REASONING_PROMPT.system },
      {
        role: "user",
        content: reasoningMessage({
          case: input.caseText,
          indicators: indicatorTable(input.readings),
          scores: scoreTable(input.assessments),
          evidence: evidenceDigest(input.evidence),
        }),
      },
    ],
    tool: SUBMIT_JUDGEMENT,
  });
  if (!result.value) return { grounded: null, calls: result.calls, failure: result.failure };
  return {
    grounded: ground(result.value, input.evidence, input.assessments, input.readings),
    calls: result.calls,
    failure: null,
  };
}
