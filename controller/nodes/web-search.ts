// webSearch: one web-search task for the web-search agent (agents/web-search); this
// node records its model calls, rejected claims, searches and evidence, and scans
// what was found for manipulation attempts.
import type { RunnableConfig } from "@langchain/core/runnables";
import { searchTheWeb } from "../../agents/web-search/index.js";
import type { WebTask } from "../../domain/task.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
import { evidenceEvent, recordAll, stepRecorder } from "./record.js";
import type { WorkerInput } from "./worker-input.js";

export async function webSearch(
  input: WorkerInput<WebTask>,
  config: RunnableConfig,
): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(deps, "webSearch", input.round, input.index, "agent:web_search");
  const { result, calls, degradations } = await searchTheWeb(
    {
      task: input.task,
      shopName: input.profile.shopName,
      sellerId: input.profile.sellerId,
      allegation: input.allegation,
    },
    {
      corpus: deps.corpus,
      embedder: deps.embedder,
      providers: deps.searchProviders,
      now: () => deps.now().toISOString(),
    },
    agentContext(deps, input.usage),
  );
  const update = await recordModelCalls(record, calls);
  if (result.rejectedClaims.length)
    await record("claims_rejected", { reasons: result.rejectedClaims });
  for (const call of result.searches)
    await record("search_executed", {
      provider: call.provider,
      query: call.query,
      hits: call.hits,
      kept: call.kept,
      result_hash: call.resultHash,
      ...(call.error ? { error: call.error } : {}),
    });
  await recordAll(
    record,
    result.evidence.map((e) => ["evidence_added", evidenceEvent(e)] as const),
  );
  const attempts = await scanFound(deps, record, result.evidence);
  return {
    ...update,
    evidence: [...result.evidence, ...attempts],
    // One call of the budget per query, however many sources answered it.
    usage: { ...update.usage, webCalls: new Set(result.searches.map((s) => s.query)).size },
    degradations,
  };
}
