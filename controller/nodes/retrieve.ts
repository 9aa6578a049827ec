// sqlRetrieval: one SQL task (sent with Send) for the SQL-retrieval agent
// (agents/sql-retrieval); this node records the indicator queries, the model's calls
// and guarded queries, and the evidence, in that order, and scans the evidence for
// manipulation attempts. The state's reducers merge parallel tasks' results.
import type { RunnableConfig } from "@langchain/core/runnables";
import { retrieveFromWarehouse } from "../../agents/sql-retrieval/index.js";
import { addUsage } from "../../domain/budget.js";
import type { SqlTask } from "../../domain/task.js";
import { depsOf } from "../deps.js";
import type { CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { agentContext, recordModelCalls } from "./model-calls.js";
import { stepRecorder } from "./record.js";
import { recordIndicators, recordModelQueries } from "./record-sql.js";
import type { WorkerInput } from "./worker-input.js";

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
