// reflect: the reflection agent reviews the draft (agents/reflection); this node
// records its model calls and the reflection, and notes a budget that has run out
// so the router finalizes instead of planning again.
import type { RunnableConfig } from "@langchain/core/runnables";
import { reflectOnDraft } from "../../agents/reflection/index.js";
import { exhausted } from "../../domain/budget.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { elapsedMs } from "./elapsed.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
import { stepRecorder } from "./record.js";

export async function reflect(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const draft = state.judgement;
  if (!draft) throw new Error("reflect ran before reason");
  const record = stepRecorder(deps, "reflect", state.iteration, 0, "agent:reflection");
  const { result, calls, degradations } = await reflectOnDraft(
    {
      judgement: draft,
      assessments: state.assessments,
      evidence: state.evidence,
      readings: state.readings,
    },
    agentContext(deps, state.usage),
  );
  const update = await recordModelCalls(record, calls);
  const { reflection, judgement, reviewer } = result;
  const exhaustion =
    state.exhaustion ??
    exhausted(
      deps.budget,
      state.usage,
      state.iteration + (reflection.requested.length ? 1 : 0),
      await elapsedMs(deps, state.startedAt, `reflect:${state.iteration}`),
    );
  await record("reflection", {
    ...reflection,
    action: judgement.action,
    exhaustion,
    ...(reviewer ? { reviewer } : {}),
  });
  return {
    ...update,
    reflection,
    judgement,
    requested: reflection.requested,
    exhaustion,
    degradations,
  };
}
