// The reflection agent: reviews the draft decision. A reflection model reviews first
// when there is one; the deterministic checks and policy gates always run after it
// (offline.ts), and a model-drafted decision that the calibrated score does not
// share goes to a human.
import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Judgement } from "../../domain/profile.js";
import type { Reflection, TypologyAssessment } from "../../domain/verdict.js";
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { reflectWithModel } from "./llm.js";
import { reflectOffline } from "./offline.js";

const FALLBACK = "rule-based reflection only";

export interface ReflectionInput {
  judgement: Judgement;
  assessments: readonly TypologyAssessment[];
  evidence: readonly Evidence[];
  readings: readonly IndicatorReading[];
}

export interface Reviewed {
  reflection: Reflection;
  /** The judgement after the policy gates. */
  judgement: Judgement;
  /** The reflection model's label when it reviewed the draft. */
  reviewer: string | null;
}

/** What the model found wrong with the draft, or null when no model reviewed it. */
async function modelReview(input: ReflectionInput, ctx: AgentContext) {
  const { gateway, degradations } = modelFor(ctx, "reflection", FALLBACK);
  if (!gateway) return { reviewed: null, reviewer: null, calls: [], degradations };
  const result = await reflectWithModel(gateway, input);
  return {
    reviewed: result.reflection,
    reviewer: result.reflection ? gateway.label("reflection") : null,
    calls: result.calls,
    degradations: result.failure
      ? [...degradations, degradation("reflection", result.failure, FALLBACK)]
      : degradations,
  };
}

export async function reflectOnDraft(
  input: ReflectionInput,
  ctx: AgentContext,
): Promise<AgentOutcome<Reviewed>> {
  const draft = input.judgement;
  const { reviewed, reviewer, calls, degradations } = await modelReview(input, ctx);
  const outcome = reflectOffline(input);
  const issues = [
    ...(draft.rejectedFindings ?? []).map((r) => `finding rejected: ${r}`),
    ...(draft.calibratedDecision && draft.calibratedDecision !== draft.decision
      ? [
          `the model decided ${draft.decision} where the calibrated score says ${draft.calibratedDecision}`,
        ]
      : []),
    ...(reviewed?.issues ?? []),
    ...outcome.reflection.issues,
  ];
  const requested = [...new Set([...(reviewed?.requested ?? []), ...outcome.reflection.requested])];
  const reflection: Reflection = {
    passed: issues.length === 0 && (reviewed?.passed ?? true) && outcome.reflection.passed,
    issues,
    requested,
  };
  return {
    result: { reflection, judgement: outcome.judgement, reviewer },
    calls,
    degradations,
  };
}
