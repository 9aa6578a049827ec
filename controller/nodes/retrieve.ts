// sqlRetrieval: one SQL task (sent with Send) for the SQL-retrieval agent
// (agents/sql-retrieval); this node records the indicator queries, the model's calls
// and guarded queries, and the evidence, in that order, and scans the evidence for
// manipulation attempts. The state's reducers merge parallel tasks' results.
import type { RunnableConfig } from "@langchain/core/runnables";
import { retrieveFromWarehouse, type SqlFindings } from "../../agents/sql-retrieval/index.js";
import { addUsage, type Usage } from "../../domain/budget.js";
import type { SellerProfile } from "../../domain/profile.js";
import type { SqlTask } from "../../domain/task.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
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

/** The catalogued indicators' queries and evidence (read before the model was asked). */
async function recordIndicators(record: StepRecorder, { read }: SqlFindings) {
  for (const call of read.calls)
    await record("sql_executed", {
      query: call.sql,
      params: call.params,
      rows: call.rowCount,
      result_hash: call.resultHash,
    });
  for (const e of read.evidence) await record("evidence_added", evidenceEvent(e));
}

/** The model's guarded queries and what they found. */
async function recordModelQueries(record: StepRecorder, { asked }: SqlFindings) {
  if (!asked) return;
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
      written_by: asked.model,
    });
  for (const e of asked.evidence) await record("evidence_added", evidenceEvent(e));
}

export async function sqlRetrieval(
  input: WorkerInput<SqlTask>,
  config: RunnableConfig,
): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(
    deps,
    "sqlRetrieval",
    input.round,
    input.index,
    "agent:sql_retrieval",
  );
  const now = () => deps.now().toISOString();
  const { result, calls, degradations } = await retrieveFromWarehouse(
    {
      task: input.task,
      seller: { id: input.profile.sellerId, category: input.profile.category },
      asOf: input.asOf,
    },
    {
      warehouse: deps.warehouse,
      baselines: deps.baselines,
      asOf: input.asOf,
      now,
      modelSql: deps.modelSql,
      policy: deps.sqlPolicy,
    },
    agentContext(deps, input.usage),
  );
  const { read, asked } = result;
  // In the order things happened: indicators, the model's calls, its queries.
  await recordIndicators(record, result);
  const modelCalls = await recordModelCalls(record, calls);
  await recordModelQueries(record, result);
  const found = [...read.evidence, ...(asked?.evidence ?? [])];
  const exhaustion = read.skipped.length
    ? {
        budget: "sql_queries" as const,
        detail: `query budget ran out before ${read.skipped.join(", ")}`,
      }
    : null;
  return {
    evidence: [...found, ...(await scanFound(deps, record, found))],
    readings: read.readings,
    usage: addUsage(modelCalls.usage, {
      sqlQueries: read.queries + (asked?.executed ?? 0),
      rows: read.rows + (asked?.rows ?? 0),
    }),
    prompts: modelCalls.prompts,
    degradations,
    exhaustion,
  };
}
