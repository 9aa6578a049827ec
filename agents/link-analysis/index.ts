// The link-analysis agent: one link task. With a model for the data role ("sql"),
// the model sees the seller's direct links and chooses how many hops out to read
// (llm.ts); without one, when it fails, or when the token budget is spent, the
// task's hops are read (offline.ts). Either way code reads the neighbourhood and
// turns it into evidence of kind `link` and the reasoner's link readings.
import type { LinkTask } from "../../domain/task.js";
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { chooseHops } from "./llm.js";
import {
  affordableHops,
  analyseLinks,
  type LinkFindings,
  type LinkTools,
  NO_FINDINGS,
} from "./offline.js";

const FALLBACK = "the planner's hop count";

export interface LinkInput {
  task: LinkTask;
  sellerId: string;
  asOf: string;
  allegation: string;
}

export interface LinkOutcome extends LinkFindings {
  /** Who chose the depth: the model (with its reason) or the plan. */
  chosenBy: { by: "model"; reason: string } | { by: "plan" };
}

export async function analyseNeighbourhood(
  input: LinkInput,
  tools: LinkTools,
  ctx: AgentContext,
): Promise<AgentOutcome<LinkOutcome>> {
  const { gateway, degradations } = modelFor(ctx, "sql", FALLBACK);
  const planned = affordableHops(input.task.hops, input.task.maxQueries);
  if (planned < 1)
    return { result: { ...NO_FINDINGS, chosenBy: { by: "plan" } }, calls: [], degradations };
  if (!gateway) {
    const found = await analyseLinks(tools, input.sellerId, input.asOf, planned);
    return { result: { ...found, chosenBy: { by: "plan" } }, calls: [], degradations };
  }
  const direct = await analyseLinks(tools, input.sellerId, input.asOf, 1);
  if (!direct.neighbourhood) throw new Error("a one-hop link analysis read no neighbourhood");
  const choice = await chooseHops(
    gateway,
    { sellerId: input.sellerId, allegation: input.allegation },
    direct.neighbourhood,
  );
  const hops = choice.hops === null ? planned : affordableHops(choice.hops, input.task.maxQueries);
  const found = hops === 1 ? direct : await analyseLinks(tools, input.sellerId, input.asOf, hops);
  const spent = hops === 1 ? 0 : direct.queries;
  const result: LinkOutcome = {
    ...found,
    queries: found.queries + spent,
    chosenBy: choice.hops === null ? { by: "plan" } : { by: "model", reason: choice.reason ?? "" },
  };
  return {
    result,
    calls: choice.calls,
    degradations:
      choice.hops === null
        ? [...degradations, degradation("sql", choice.failure ?? "no choice", FALLBACK)]
        : degradations,
  };
}
