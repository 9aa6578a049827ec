// reason: score every typology over the readings (always: the calibrated scores are
// the model's structured features and the offline decision), then draft a decision
// with the reasoning model when there is one, else with the offline reasoner.
import type { RunnableConfig } from "@langchain/core/runnables";
import { reasonWithModel } from "../../agents/reasoning/llm.js";
import { judge } from "../../agents/reasoning/offline.js";
import { scoreTypologies } from "../../agents/reasoning/score.js";
import type { Judgement } from "../../domain/profile.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { degradation, modelFor, recordModelCalls } from "./model-calls.js";
import { stepRecorder } from "./record.js";

export async function reason(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const assessments = scoreTypologies(state.readings);
  const offline = judge(assessments, state.readings);
  const record = stepRecorder(deps, "reason", state.iteration, 0, "agent:reasoning");
  const model = modelFor(deps, "reasoning", state.usage, "offline log-odds reasoner");
  let judgement: Judgement = offline;
  let update: CaseUpdate = {};
  const degradations = model.degradation ? [model.degradation] : [];
  if (model.use && deps.gateway) {
    const result = await reasonWithModel(deps.gateway, {
      caseText: JSON.stringify({
        subject: state.case.subject,
        allegation: state.case.allegation,
        profile: state.profile,
      }),
      evidence: state.evidence,
      readings: state.readings,
      assessments,
    });
    update = await recordModelCalls(record, result.calls);
    if (result.grounded)
      judgement = {
        ...result.grounded.judgement,
        reasoner: deps.gateway.label("reasoning"),
        rejectedFindings: result.grounded.rejected,
        calibratedDecision: offline.decision,
      };
    else
      degradations.push(
        degradation("reasoning", result.failure ?? "no output", "offline log-odds reasoner"),
      );
  }
  await record("reasoning", {
    reasoner: judgement.reasoner ?? "offline log-odds",
    assessments: assessments.map((a) => ({
      typology: a.typology,
      log_odds: a.log_odds,
      probability: a.probability,
    })),
    decision: judgement.decision,
    typology: judgement.topTypology,
    findings: judgement.findings.map((f) => ({
      basis: f.basis,
      weight: f.weight,
      evidence_ids: f.evidence_ids,
    })),
    ...(judgement.rejectedFindings?.length
      ? { rejected_findings: judgement.rejectedFindings }
      : {}),
  });
  return { ...update, assessments, judgement, degradations };
}
