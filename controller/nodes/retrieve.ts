// The dispatched workers: each runs one task (sent with Send) and returns what it
// found; the state's reducers merge the results of parallel workers.
import type { RunnableConfig } from "@langchain/core/runnables";
import { retrieveIndicators } from "../../agents/sql-retrieval/offline.js";
import { searchCorpus } from "../../agents/web-search/offline.js";
import type { SellerProfile } from "../../domain/profile.js";
import type { SqlTask, WebTask } from "../../domain/task.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";

export interface WorkerInput<T> {
  task: T;
  profile: SellerProfile;
  asOf: string;
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
  const result = await searchCorpus(deps.app, input.task, names, () => deps.now().toISOString());
  return { evidence: result.evidence, usage: { webCalls: result.calls } };
}
