// plan: the controller decomposes the case into tasks for the agents. With a
// planner model the model writes the plan and code checks it (agents/planner/llm.ts);
// without one, or when the model fails, the offline playbooks plan.
import type { RunnableConfig } from "@langchain/core/runnables";
import { planWithModel } from "../../agents/planner/llm.js";
import { type PlanInput, planOffline } from "../../agents/planner/offline.js";
import { evidenceDigest } from "../../agents/prompt-context.js";
import type { Degradation } from "../../domain/verdict.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { degradation, modelFor, recordModelCalls } from "./model-calls.js";
import { stepRecorder } from "./record.js";

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
  const record = stepRecorder(deps, "plan", state.iteration + 1);
  const model = modelFor(deps, "planner", state.usage, "offline playbooks");
  const degradations: Degradation[] = model.degradation ? [model.degradation] : [];
  let update: CaseUpdate = {};
  let tasks = planOffline(input).tasks;
  let detail: Record<string, unknown> = { planner: "offline playbooks" };
  if (model.use && deps.gateway) {
    const sellerText = evidenceDigest(
      state.evidence.filter((e) => e.untrusted && e.kind === "profile"),
    );
    const result = await planWithModel(deps.gateway, input, sellerText);
    update = await recordModelCalls(record, result.calls);
    tasks = result.tasks;
    if (result.failure)
      degradations.push(degradation("planner", result.failure, "offline playbooks"));
    detail = result.failure
      ? { planner: "offline playbooks", model_failed: result.failure }
      : {
          planner: deps.gateway.label("planner"),
          rationale: result.rationale,
          corrections: result.corrections,
          replaced: result.replaced,
        };
  }
  await record("plan", {
    round: state.iteration + 1,
    requested: state.requested ?? [],
    tasks: tasks.length,
    ...detail,
  });
  for (const task of tasks) await record("task_dispatched", { ...task });
  return { ...update, tasks, iteration: state.iteration + 1, requested: [], degradations };
}
