// The dispatched workers: each runs one task (sent with Send) and returns what it
// found; the state's reducers merge the results of parallel workers.
import type { RunnableConfig } from "@langchain/core/runnables";
import { indicatorTable } from "../../agents/prompt-context.js";
import { askWarehouse } from "../../agents/sql-retrieval/llm.js";
import { type RetrievalResult, retrieveIndicators } from "../../agents/sql-retrieval/offline.js";
import { addUsage, NO_USAGE, type Usage } from "../../domain/budget.js";
import type { Evidence } from "../../domain/evidence.js";
import type { SellerProfile } from "../../domain/profile.js";
import type { SqlTask } from "../../domain/task.js";
import type { Degradation } from "../../domain/verdict.js";
import { schemaContext } from "../../tools/sql/schema-context.js";
import { depsOf, type InvestigationDeps } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { degradation, modelFor, recordModelCalls } from "./model-calls.js";
import { evidenceEvent, type StepRecorder, stepRecorder } from "./record.js";

export interface WorkerInput<T> {
  task: T;
  profile: SellerProfile;
  asOf: string;
  /** The planning round and the task's place in it: part of every step key. */
  round: number;
  index: number;
  /** The case's usage when the round was dispatched (the token and query budgets). */
  usage: Usage;
  /** What the case alleges (the web-search model reads it). */
  allegation: string;
}

/** Queries the SQL model may add to one task, within what the case has left. */
const MODEL_QUERIES_PER_TASK = 3;

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
  const asked = await askModel(deps, input, result, record);
  const exhaustion = result.skipped.length
    ? {
        budget: "sql_queries" as const,
        detail: `query budget ran out before ${result.skipped.join(", ")}`,
      }
    : null;
  const found = [...result.evidence, ...asked.evidence];
  return {
    evidence: [...found, ...(await scanFound(deps, record, found))],
    readings: result.readings,
    usage: addUsage(asked.usage, { sqlQueries: result.queries, rows: result.rows }),
    prompts: asked.prompts,
    degradations: asked.degradations,
    exhaustion,
  };
}

/** The SQL model's own questions after the catalogued indicators, when there is a model. */
async function askModel(
  deps: InvestigationDeps,
  input: WorkerInput<SqlTask>,
  read: RetrievalResult,
  record: StepRecorder,
): Promise<{
  evidence: Evidence[];
  usage: Usage;
  prompts: Record<string, string>;
  degradations: Degradation[];
}> {
  const none = { evidence: [], usage: NO_USAGE, prompts: {}, degradations: [] };
  const model = modelFor(deps, "sql", input.usage, "catalogued indicators only");
  const left = deps.budget.maxSqlQueries - input.usage.sqlQueries - read.queries;
  const quota = Math.min(MODEL_QUERIES_PER_TASK, left);
  if (!model.use || !deps.gateway || quota <= 0)
    return { ...none, degradations: model.degradation ? [model.degradation] : [] };
  const asked = await askWarehouse(
    {
      gateway: deps.gateway,
      policy: deps.sqlPolicy,
      schema: await schemaContext(deps.warehouse, deps.sqlPolicy),
      run: deps.modelSql,
      subject: input.profile.sellerId,
      asOf: input.asOf,
      indicators: indicatorTable(read.readings),
      now: () => deps.now().toISOString(),
    },
    input.task,
    quota,
  );
  const calls = await recordModelCalls(record, asked.calls);
  for (const q of asked.queries)
    await record("sql_executed", {
      purpose: q.purpose,
      query: q.sql,
      params: [],
      allowed: q.allowed,
      guard: q.reason,
      rows: q.rows,
      error: q.error,
      result_hash: q.resultHash,
      written_by: deps.gateway.label("sql"),
    });
  for (const e of asked.evidence) await record("evidence_added", evidenceEvent(e));
  return {
    evidence: asked.evidence,
    usage: addUsage(calls.usage, { sqlQueries: asked.executed, rows: asked.rows }),
    prompts: calls.prompts,
    degradations: asked.failure
      ? [degradation("sql", asked.failure, "the queries that ran before the model failed")]
      : [],
  };
}
