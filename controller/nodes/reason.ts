// reason: the reasoning agent drafts a decision over the evidence (agents/reasoning);
// this node records its model calls and its reasoning, and updates the state.
import type { RunnableConfig } from "@langchain/core/runnables";
import { reasonOverEvidence } from "../../agents/reasoning/index.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
import { stepRecorder } from "./record.js";

export async function reason(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(deps, "reason", state.iteration, 0, "agent:reasoning");
  const { result, calls, degradations } = await reasonOverEvidence(
    {
      caseText: JSON.stringify({
        subject: state.case.subject,
        allegation: state.case.allegation,
        profile: state.profile,
      }),
      evidence: state.evidence,
      readings: state.readings,
      weights: await deps.weights(),
    },
    agentContext(deps, state.usage),
  );
  const update = await recordModelCalls(record, calls);
  const { assessments, judgement } = result;
  await record("reasoning", {
    reasoner: judgement.reasoner ?? "offline log-odds",
    weights: judgement.weightsVersion,
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
