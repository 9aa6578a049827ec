// reason: score every typology over the readings and draft a decision.
import type { RunnableConfig } from "@langchain/core/runnables";
import { judge } from "../../agents/reasoning/offline.js";
import { scoreTypologies } from "../../agents/reasoning/score.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { stepRecorder } from "./record.js";

export async function reason(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const assessments = scoreTypologies(state.readings);
  const judgement = judge(assessments, state.readings);
  const record = stepRecorder(deps, "reason", state.iteration, 0, "agent:reasoning");
  await record("reasoning", {
    reasoner: "offline log-odds",
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
  });
  return { assessments, judgement };
}
