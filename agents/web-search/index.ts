// The web-search agent: one web-search task. With a web model, the model writes the
// queries and extracts quoted claims (llm.ts); without one, or when it runs no
// search, the planner's queries run as they are (offline.ts). Either way only pages
// naming the subject exactly become evidence.
import type { Evidence } from "../../domain/evidence.js";
import type { WebTask } from "../../domain/task.js";
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { askTheWeb } from "./llm.js";
import { searchCorpus } from "./offline.js";
import type { SearchCall, SearchContext } from "./search.js";

const FALLBACK = "the planner's queries, no claims";

export interface WebSearchInput {
  task: WebTask;
  shopName: string;
  sellerId: string;
  allegation: string;
}

export interface WebFindings {
  evidence: Evidence[];
  /** Every query asked of every source, in order (model's first, then the planner's). */
  searches: SearchCall[];
  /** Why the model's claims that did not hold were thrown out. */
  rejectedClaims: string[];
}

export async function searchTheWeb(
  input: WebSearchInput,
  search: SearchContext & { now: () => string },
  ctx: AgentContext,
): Promise<AgentOutcome<WebFindings>> {
  const names = [input.shopName, input.sellerId];
  const { gateway, degradations } = modelFor(ctx, "web", FALLBACK);
  const found: WebFindings = { evidence: [], searches: [], rejectedClaims: [] };
  let calls: AgentOutcome<WebFindings>["calls"] = [];
  if (gateway) {
    const asked = await askTheWeb({ ...search, gateway }, input, input.task.maxCalls);
    calls = asked.calls;
    found.searches = asked.searches;
    found.rejectedClaims = asked.rejectedClaims;
    if (asked.searches.length > 0) {
      found.evidence = asked.evidence;
      return { result: found, calls, degradations };
    }
    degradations.push(degradation("web", asked.failure ?? "the model ran no search", FALLBACK));
  }
  const planned = await searchCorpus(search, input.task, names, search.now);
  found.evidence = planned.evidence;
  found.searches = [...found.searches, ...planned.searches];
  return { result: found, calls, degradations };
}
