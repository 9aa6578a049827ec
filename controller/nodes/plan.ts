// plan: the planning agent decomposes the case into tasks (agents/planner); this
// node records its model calls, the plan and each dispatched task.
import type { RunnableConfig } from "@langchain/core/runnables";
import { planCase } from "../../agents/planner/index.js";
import type { PlanInput } from "../../agents/planner/offline.js";
import { evidenceDigest } from "../../agents/prompt-context.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
import { recordAll, stepRecorder } from "./record.js";

export async function plan(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  if (!state.profile) return { tasks: [] };
  const input: PlanInput = {
    case: state.case,
    profile: state.profile,
    iteration: state.iteration,
    read: new Set(state.readings.map((r) => r.indicator)),
    requested: state.requested ?? [],
    budget: deps.budget,
    usage: state.usage,
  };
  const sellerText = evidenceDigest(
    state.evidence.filter((e) => e.untrusted && e.kind === "profile"),
  );
  const record = stepRecorder(deps, "plan", state.iteration + 1);
  const { result, calls, degradations } = await planCase(
    input,
    sellerText,
    agentContext(deps, state.usage),
  );
  const update = await recordModelCalls(record, calls);
  await record("plan", {
    round: state.iteration + 1,
    requested: state.requested ?? [],
    tasks: result.tasks.length,
    ...result.detail,
  });
  await recordAll(
    record,
    result.tasks.map((task) => ["task_dispatched", { ...task }] as const),
  );
  return {
    ...update,
    tasks: result.tasks,
    iteration: state.iteration + 1,
    requested: [],
    degradations,
  };
}
