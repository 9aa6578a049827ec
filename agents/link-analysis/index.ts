// The link-analysis agent: one link task. With a model for the data role ("sql"),
// the model sees the seller's direct links and chooses how many hops out to read
// (llm.ts); without one, when it fails, or when the token budget is spent, the
// task's hops are read (offline.ts). Either way code reads the neighbourhood and
// turns it into evidence of kind `link` and the reasoner's link readings.
import type { Queryable } from "../../db/types.js";
import type { LinkTask } from "../../domain/task.js";
import type { RelatedCase } from "../../domain/verdict.js";
import { readRelatedCases } from "../../tools/links/index.js";
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { chooseHops } from "./llm.js";
import {
  affordableHops,
  analyseLinks,
  type LinkFindings,
  type LinkTools,
  NO_FINDINGS,
} from "./offline.js";
import { relatedCases } from "./related.js";
import { similarEvidence } from "./similar.js";

const FALLBACK = "the planner's hop count";

export interface LinkInput {
  task: LinkTask;
  /** This case (its own id is never named among the related cases). */
  caseId: string;
  sellerId: string;
  asOf: string;
  allegation: string;
}

export interface LinkOutcome extends LinkFindings {
  /** Open or decided cases of the linked sellers (when a case store is given). */
  relatedCases: RelatedCase[];
  /** Who chose the depth: the model (with its reason) or the plan. */
  chosenBy: { by: "model"; reason: string } | { by: "plan" };
}

/** The case store's cases of the neighbourhood's other sellers. */
async function casesOf(
  tools: LinkTools & { cases?: Queryable },
  found: LinkFindings,
  caseId: string,
): Promise<RelatedCase[]> {
  const n = found.neighbourhood;
  const others = n?.nodes.filter((x) => x.hop > 0).map((x) => x.sellerId) ?? [];
  if (!n || !tools.cases || !others.length) return [];
  const rows = await readRelatedCases(tools.cases, others, caseId);
  return relatedCases(n, rows, found.evidence[0]?.id ?? "");
}

/** The look-alike sellers' evidence added to the findings (both modes; two statements). */
async function withLookAlikes(
  tools: LinkTools,
  input: LinkInput,
  found: LinkFindings,
): Promise<LinkFindings> {
  const answer = tools.similar ? await tools.similar(input.sellerId, input.asOf) : null;
  if (!answer) return found;
  const { neighbours, verdicts } = answer.queries;
  return {
    ...found,
    evidence: [...found.evidence, similarEvidence(answer, tools.now())],
    queries: found.queries + 2,
    rows: found.rows + answer.neighbours.length,
    lookAlikeQueries: [
      { purpose: "nearest seller profiles", sql: neighbours.sql, params: neighbours.params },
      { purpose: "their decided cases", sql: verdicts.sql, params: verdicts.params },
    ],
  };
}

export async function analyseNeighbourhood(
  input: LinkInput,
  tools: LinkTools & { cases?: Queryable },
  ctx: AgentContext,
): Promise<AgentOutcome<LinkOutcome>> {
  const { gateway, degradations } = modelFor(ctx, "sql", FALLBACK);
  const planned = affordableHops(input.task.hops, input.task.maxQueries);
  if (planned < 1)
    return {
      result: { ...NO_FINDINGS, relatedCases: [], chosenBy: { by: "plan" } },
      calls: [],
      degradations,
    };
  if (!gateway) {
    const found = await withLookAlikes(
      tools,
      input,
      await analyseLinks(tools, input.sellerId, input.asOf, planned),
    );
    const relatedCases = await casesOf(tools, found, input.caseId);
    return {
      result: { ...found, relatedCases, chosenBy: { by: "plan" } },
      calls: [],
      degradations,
    };
  }
  const direct = await analyseLinks(tools, input.sellerId, input.asOf, 1);
  if (!direct.neighbourhood) throw new Error("a one-hop link analysis read no neighbourhood");
  const choice = await chooseHops(
    gateway,
    { sellerId: input.sellerId, allegation: input.allegation },
    direct.neighbourhood,
  );
  const hops = choice.hops === null ? planned : affordableHops(choice.hops, input.task.maxQueries);
  const found = await withLookAlikes(
    tools,
    input,
    hops === 1 ? direct : await analyseLinks(tools, input.sellerId, input.asOf, hops),
  );
  const spent = hops === 1 ? 0 : direct.queries;
  const result: LinkOutcome = {
    ...found,
    relatedCases: await casesOf(tools, found, input.caseId),
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
