// Pure routers: where the graph goes after each decision point.
import { Send } from "@langchain/langgraph";
import type { Budget } from "../domain/budget.js";
import type { CaseStateType } from "./state.js";

export function afterIntake(state: CaseStateType): "plan" | "finalize" {
  return state.profile ? "plan" : "finalize";
}

/** One Send per task, so the agents run in parallel; no tasks: straight to reasoning. */
export function dispatch(state: CaseStateType): Send[] | "reason" {
  const profile = state.profile;
  if (!profile || state.tasks.length === 0) return "reason";
  return state.tasks.map((task, index) => {
    const input = {
      task,
      profile,
      asOf: state.asOf,
      round: state.iteration,
      index,
      usage: state.usage,
      allegation: state.case.allegation,
    };
    return task.agent === "sql_retrieval"
      ? new Send("sqlRetrieval", input)
      : new Send("webSearch", input);
  });
}

export function afterReflect(state: CaseStateType, budget: Budget): "plan" | "finalize" {
  if (state.exhaustion) return "finalize";
  const wantsMore = (state.reflection?.requested.length ?? 0) > 0;
  return wantsMore && state.iteration < budget.maxIterations ? "plan" : "finalize";
}
