// webSearch: one web-search task. With a web model, the model writes the queries and
// extracts quoted claims (agents/web-search/llm.ts); without one, or when it fails,
// the planner's queries run as they are. Either way only pages naming the subject
// exactly become evidence, and all of it is scanned for manipulation attempts.
import type { RunnableConfig } from "@langchain/core/runnables";
import { askTheWeb } from "../../agents/web-search/llm.js";
import { searchCorpus } from "../../agents/web-search/offline.js";
import type { SearchCall } from "../../agents/web-search/search.js";
import type { Evidence } from "../../domain/evidence.js";
import type { WebTask } from "../../domain/task.js";
import type { Degradation } from "../../domain/verdict.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { degradation, modelFor, recordModelCalls } from "./model-calls.js";
import { evidenceEvent, stepRecorder } from "./record.js";
import type { WorkerInput } from "./retrieve.js";

export async function webSearch(
  input: WorkerInput<WebTask>,
  config: RunnableConfig,
): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(deps, "webSearch", input.round, input.index, "agent:web_search");
  const names = [input.profile.shopName, input.profile.sellerId];
  const search = { corpus: deps.corpus, embedder: deps.embedder, providers: deps.searchProviders };
  const now = () => deps.now().toISOString();
  const model = modelFor(deps, "web", input.usage, "the planner's queries, no claims");
  const degradations: Degradation[] = model.degradation ? [model.degradation] : [];
  let update: CaseUpdate = {};
  let evidence: Evidence[] | null = null;
  let searches: SearchCall[] = [];
  if (model.use && deps.gateway) {
    const asked = await askTheWeb(
      { ...search, gateway: deps.gateway, now },
      {
        shopName: input.profile.shopName,
        sellerId: input.profile.sellerId,
        allegation: input.allegation,
      },
      input.task.maxCalls,
    );
    update = await recordModelCalls(record, asked.calls);
    searches = asked.searches;
    if (asked.searches.length === 0)
      degradations.push(
        degradation(
          "web",
          asked.failure ?? "the model ran no search",
          "the planner's queries, no claims",
        ),
      );
    else evidence = asked.evidence;
    if (asked.rejectedClaims.length)
      await record("claims_rejected", { reasons: asked.rejectedClaims });
  }
  if (!evidence) {
    const result = await searchCorpus(search, input.task, names, now);
    evidence = result.evidence;
    searches = [...searches, ...result.searches];
  }
  for (const call of searches)
    await record("search_executed", {
      provider: call.provider,
      query: call.query,
      hits: call.hits,
      kept: call.kept,
      result_hash: call.resultHash,
      ...(call.error ? { error: call.error } : {}),
    });
  for (const e of evidence) await record("evidence_added", evidenceEvent(e));
  const attempts = await scanFound(deps, record, evidence);
  return {
    ...update,
    evidence: [...evidence, ...attempts],
    // One call of the budget per query, however many sources answered it.
    usage: { ...update.usage, webCalls: new Set(searches.map((s) => s.query)).size },
    degradations,
  };
}
