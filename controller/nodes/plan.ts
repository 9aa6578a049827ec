// plan: the controller decomposes the case into tasks for the agents.
import type { RunnableConfig } from "@langchain/core/runnables";
import { planOffline } from "../../agents/planner/offline.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { stepRecorder } from "./record.js";

export async function plan(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  if (!state.profile) return { tasks: [] };
  const { tasks } = planOffline({
    case: state.case,
    profile: state.profile,
    iteration: state.iteration,
    read: new Set(state.readings.map((r) => r.indicator)),
    requested: state.requested ?? [],
    budget: deps.budget,
    usage: state.usage,
  });
  const record = stepRecorder(deps, "plan", state.iteration + 1);
  await record("plan", {
    round: state.iteration + 1,
    requested: state.requested ?? [],
    tasks: tasks.length,
    planner: "offline playbooks",
  });
  for (const task of tasks) await record("task_dispatched", { ...task });
  return { tasks, iteration: state.iteration + 1, requested: [] };
}
