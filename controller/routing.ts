// Pure routers: where the graph goes after each decision point.
import { Send } from "@langchain/langgraph";
import type { Budget } from "../domain/budget.js";
import type { Task } from "../domain/task.js";
import type { CaseStateType } from "./state.js";

export function afterIntake(state: CaseStateType): "plan" | "finalize" {
  return state.profile ? "plan" : "finalize";
}

/** The node each agent's tasks are sent to. */
const NODE_OF: Record<Task["agent"], "sqlRetrieval" | "webSearch" | "linkAnalysis"> = {
  sql_retrieval: "sqlRetrieval",
  web_search: "webSearch",
  link_analysis: "linkAnalysis",
};

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
      caseId: state.case.id,
      allegation: state.case.allegation,
    };
    return new Send(NODE_OF[task.agent], input);
  });
}

export function afterReflect(state: CaseStateType, budget: Budget): "plan" | "finalize" {
  if (state.exhaustion) return "finalize";
  const wantsMore = (state.reflection?.requested.length ?? 0) > 0;
  return wantsMore && state.iteration < budget.maxIterations ? "plan" : "finalize";
}
