// The dispatched workers: each runs one task (sent with Send) and returns what it
// found; the state's reducers merge the results of parallel workers.
import type { RunnableConfig } from "@langchain/core/runnables";
import { retrieveIndicators } from "../../agents/sql-retrieval/offline.js";
import { searchCorpus } from "../../agents/web-search/offline.js";
import type { SellerProfile } from "../../domain/profile.js";
import type { SqlTask, WebTask } from "../../domain/task.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { evidenceEvent, stepRecorder } from "./record.js";

export interface WorkerInput<T> {
  task: T;
  profile: SellerProfile;
  asOf: string;
  /** The planning round and the task's place in it: part of every step key. */
  round: number;
  index: number;
}

export async function sqlRetrieval(
  input: WorkerInput<SqlTask>,
  config: RunnableConfig,
): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const ctx = {
    warehouse: deps.warehouse,
    baselines: deps.baselines,
    asOf: input.asOf,
    now: () => deps.now().toISOString(),
  };
  const result = await retrieveIndicators(ctx, input.task, {
    id: input.profile.sellerId,
    category: input.profile.category,
  });
  const record = stepRecorder(
    deps,
    "sqlRetrieval",
    input.round,
    input.index,
    "agent:sql_retrieval",
  );
  for (const call of result.calls) {
    await record("sql_executed", {
      query: call.sql,
      params: call.params,
      rows: call.rowCount,
      result_hash: call.resultHash,
    });
  }
  for (const e of result.evidence) await record("evidence_added", evidenceEvent(e));
  const exhaustion = result.skipped.length
    ? {
        budget: "sql_queries" as const,
        detail: `query budget ran out before ${result.skipped.join(", ")}`,
      }
    : null;
  return {
    evidence: result.evidence,
    readings: result.readings,
    usage: { sqlQueries: result.queries, rows: result.rows },
    exhaustion,
  };
}

export async function webSearch(
  input: WorkerInput<WebTask>,
  config: RunnableConfig,
): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const names = [input.profile.shopName, input.profile.sellerId];
  const result = await searchCorpus(deps.corpus, input.task, names, () => deps.now().toISOString());
  const record = stepRecorder(deps, "webSearch", input.round, input.index, "agent:web_search");
  for (const call of result.searches)
    await record("search_executed", {
      provider: "local_corpus",
      query: call.query,
      hits: call.hits,
      kept: call.kept,
      result_hash: call.resultHash,
    });
  for (const e of result.evidence) await record("evidence_added", evidenceEvent(e));
  return { evidence: result.evidence, usage: { webCalls: result.calls } };
}
