// The investigation graph — wiring only. Nodes live in nodes/, routers in routing.ts.
//
//   intake → plan → (Send: sqlRetrieval | webSearch | linkAnalysis)* → reason → reflect → plan | finalize
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { END, START, StateGraph } from "@langchain/langgraph";
import type { Budget } from "../domain/budget.js";
import { finalize } from "./nodes/finalize.js";
import { intake } from "./nodes/intake.js";
import { linkAnalysis } from "./nodes/link-analysis.js";
import { plan } from "./nodes/plan.js";
import { reason } from "./nodes/reason.js";
import { reflect } from "./nodes/reflect.js";
import { sqlRetrieval } from "./nodes/retrieve.js";
import { timed } from "./nodes/timed.js";
import { webSearch } from "./nodes/web-search.js";
import { afterIntake, afterReflect, dispatch } from "./routing.js";
import { CaseState } from "./state.js";

export function buildInvestigationGraph(options: {
  budget: Budget;
  checkpointer?: BaseCheckpointSaver;
}) {
  return new StateGraph(CaseState)
    .addNode("intake", timed("intake", intake))
    .addNode("plan", timed("plan", plan))
    .addNode("sqlRetrieval", timed("sqlRetrieval", sqlRetrieval))
    .addNode("webSearch", timed("webSearch", webSearch))
    .addNode("linkAnalysis", timed("linkAnalysis", linkAnalysis))
    .addNode("reason", timed("reason", reason))
    .addNode("reflect", timed("reflect", reflect))
    .addNode("finalize", timed("finalize", finalize))
    .addEdge(START, "intake")
    .addConditionalEdges("intake", afterIntake, ["plan", "finalize"])
    .addConditionalEdges("plan", dispatch, ["sqlRetrieval", "webSearch", "linkAnalysis", "reason"])
    .addEdge("sqlRetrieval", "reason")
    .addEdge("webSearch", "reason")
    .addEdge("linkAnalysis", "reason")
    .addEdge("reason", "reflect")
    .addConditionalEdges("reflect", (state) => afterReflect(state, options.budget), [
      "plan",
      "finalize",
    ])
    .addEdge("finalize", END)
    .compile({ checkpointer: options.checkpointer });
}
