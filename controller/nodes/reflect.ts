// reflect: check the draft; name the gaps the planner should fill; note a budget
// that has run out so the router finalizes instead of planning again. A reflection
// model reviews first when there is one; the deterministic checks and policy gates
// always run after it, and a model-drafted decision that the calibrated score does
// not share goes to a human.
import type { RunnableConfig } from "@langchain/core/runnables";
import { reflectWithModel } from "../../agents/reflection/llm.js";
import { reflectOffline } from "../../agents/reflection/offline.js";
import { exhausted } from "../../domain/budget.js";
import type { Reflection } from "../../domain/verdict.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { elapsedMs } from "./elapsed.js";
import { degradation, modelFor, recordModelCalls } from "./model-calls.js";
import { stepRecorder } from "./record.js";

export async function reflect(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const draft = state.judgement;
  if (!draft) throw new Error("reflect ran before reason");
  const record = stepRecorder(deps, "reflect", state.iteration, 0, "agent:reflection");
  const model = modelFor(deps, "reflection", state.usage, "rule-based reflection only");
  const degradations = model.degradation ? [model.degradation] : [];
  let update: CaseUpdate = {};
  let reviewed: Reflection | null = null;
  if (model.use && deps.gateway) {
    const result = await reflectWithModel(deps.gateway, {
      judgement: draft,
      evidence: state.evidence,
      readings: state.readings,
    });
    update = await recordModelCalls(record, result.calls);
    reviewed = result.reflection;
    if (result.failure)
      degradations.push(degradation("reflection", result.failure, "rule-based reflection only"));
  }
  const outcome = reflectOffline({
    judgement: draft,
    assessments: state.assessments,
    evidence: state.evidence,
    readings: state.readings,
  });
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
  const exhaustion =
    state.exhaustion ??
    exhausted(
      deps.budget,
      state.usage,
      state.iteration + (requested.length ? 1 : 0),
      await elapsedMs(deps, state.startedAt, `reflect:${state.iteration}`),
    );
  await record("reflection", {
    ...reflection,
    action: outcome.judgement.action,
    exhaustion,
    ...(reviewed ? { reviewer: deps.gateway?.label("reflection") } : {}),
  });
  return {
    ...update,
    reflection,
    judgement: outcome.judgement,
    requested,
    exhaustion,
    degradations,
  };
}
