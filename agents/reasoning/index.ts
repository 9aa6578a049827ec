// The reasoning agent: scores every typology over the readings (always: the
// calibrated scores are the model's structured features and the offline decision),
// then drafts the decision with the reasoning model when there is one, else (or
// when the model's findings cannot be grounded) with the offline reasoner.
import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Judgement } from "../../domain/profile.js";
import type { TypologyAssessment } from "../../domain/verdict.js";
import type { ModelWeights } from "../../domain/weights.js";
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { counterfactuals } from "./counterfactual.js";
import { reasonWithModel } from "./llm.js";
import { judge } from "./offline.js";
import { scoreTypologies } from "./score.js";

const FALLBACK = "offline log-odds reasoner";

export interface ReasoningInput {
  /** The case as the model sees it (subject, allegation, profile), JSON. */
  caseText: string;
  evidence: Evidence[];
  readings: IndicatorReading[];
  /** The additive model's weights (recorded with the run). */
  weights: ModelWeights;
}

export async function reasonOverEvidence(
  input: ReasoningInput,
  ctx: AgentContext,
): Promise<AgentOutcome<{ assessments: TypologyAssessment[]; judgement: Judgement }>> {
  const assessments = scoreTypologies(input.readings, input.weights);
  const offline: Judgement = {
    ...judge(assessments, input.readings),
    weightsVersion: input.weights.version,
    counterfactuals: counterfactuals(input.readings, input.weights),
  };
  const { gateway, degradations } = modelFor(ctx, "reasoning", FALLBACK);
  if (!gateway) return { result: { assessments, judgement: offline }, calls: [], degradations };
  const drafted = await reasonWithModel(gateway, { ...input, assessments });
  if (!drafted.grounded)
    return {
      result: { assessments, judgement: offline },
      calls: drafted.calls,
      degradations: [
        ...degradations,
        degradation("reasoning", drafted.failure ?? "no output", FALLBACK),
      ],
    };
  const modelled: Judgement = drafted.grounded.judgement;
  // The outlier guard holds in LLM mode too: a model's not_fraud does not clear p99 anomalies.
  const guarded: Judgement =
    offline.outlierGuard && modelled.decision === "not_fraud"
      ? {
          ...modelled,
          decision: "suspicious",
          topTypology: offline.topTypology,
          action: "monitor",
          findings: offline.findings,
          reasoning: [...modelled.reasoning, ...offline.reasoning.slice(-1)],
          outlierGuard: offline.outlierGuard,
        }
      : modelled;
  const judgement: Judgement = {
    ...guarded,
    reasoner: gateway.label("reasoning"),
    weightsVersion: input.weights.version,
    // The counterfactuals are the offline reasoner's: exact for the additive model, not the model's prose.
    counterfactuals: offline.counterfactuals ?? [],
    rejectedFindings: drafted.grounded.rejected,
    calibratedDecision: offline.decision,
  };
  return { result: { assessments, judgement }, calls: drafted.calls, degradations };
}
