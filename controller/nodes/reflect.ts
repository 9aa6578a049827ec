// reflect: check the draft; name the gaps the planner should fill; note a budget
// that has run out so the router finalizes instead of planning again.
import type { RunnableConfig } from "@langchain/core/runnables";
import { reflectOffline } from "../../agents/reflection/offline.js";
import { exhausted } from "../../domain/budget.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { elapsedMs } from "./elapsed.js";
import { stepRecorder } from "./record.js";

export async function reflect(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  if (!state.judgement) throw new Error("reflect ran before reason");
  const outcome = reflectOffline({
    judgement: state.judgement,
    assessments: state.assessments,
    evidence: state.evidence,
    readings: state.readings,
  });
  const exhaustion =
    state.exhaustion ??
    exhausted(
      deps.budget,
      state.usage,
      state.iteration + (outcome.reflection.requested.length ? 1 : 0),
      await elapsedMs(deps, state.startedAt, `reflect:${state.iteration}`),
    );
  const record = stepRecorder(deps, "reflect", state.iteration, 0, "agent:reflection");
  await record("reflection", {
    ...outcome.reflection,
    action: outcome.judgement.action,
    exhaustion,
  });
  return {
    reflection: outcome.reflection,
    judgement: outcome.judgement,
    requested: outcome.reflection.requested,
    exhaustion,
  };
}
