// The SQL-retrieval agent: reads the catalogued indicators a task names (both modes
// always do: offline.ts), then, when the SQL role has a model and the case has
// queries left, lets the model ask its own guarded questions (llm.ts).
import type { Budget, Usage } from "../../domain/budget.js";
import type { SqlTask } from "../../domain/task.js";
import type { ReadContext } from "../../tools/indicators/read.js";
import type { SqlPolicy } from "../../tools/sql/policy.js";
import { schemaContext } from "../../tools/sql/schema-context.js";
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { indicatorTable } from "../prompt-context.js";
import { askWarehouse, type GuardedQuery, type ModelSqlResult } from "./llm.js";
import { type RetrievalResult, retrieveIndicators } from "./offline.js";

/** Queries the SQL model may add to one task, within what the case has left. */
const MODEL_QUERIES_PER_TASK = 3;

export interface SqlRetrievalInput {
  task: SqlTask;
  seller: { id: string; category: string };
  asOf: string;
}

export interface SqlRetrievalTools extends ReadContext {
  /** Model-written SQL, already allowed by the guard, run read-only and recorded. */
  modelSql: GuardedQuery;
  policy: SqlPolicy;
}

export interface SqlFindings {
  /** The catalogued indicators read. */
  read: RetrievalResult;
  /** The model's own questions, when a model asked any; with its label. */
  asked: (ModelSqlResult & { model: string }) | null;
}

/** How many queries the model may ask in this task. */
function modelQuota(budget: Budget, usage: Partial<Usage>, read: RetrievalResult): number {
  const left = budget.maxSqlQueries - (usage.sqlQueries ?? 0) - read.queries;
  return Math.min(MODEL_QUERIES_PER_TASK, left);
}

export async function retrieveFromWarehouse(
  input: SqlRetrievalInput,
  tools: SqlRetrievalTools,
  ctx: AgentContext,
): Promise<AgentOutcome<SqlFindings>> {
  const read = await retrieveIndicators(tools, input.task, input.seller);
  const { gateway, degradations } = modelFor(ctx, "sql", "catalogued indicators only");
  const quota = modelQuota(ctx.budget, ctx.usage, read);
  if (!gateway || quota <= 0) return { result: { read, asked: null }, calls: [], degradations };
  const asked = await askWarehouse(
    {
      gateway,
      policy: tools.policy,
      schema: await schemaContext(tools.warehouse, tools.policy),
      run: tools.modelSql,
      subject: input.seller.id,
      asOf: input.asOf,
      indicators: indicatorTable(read.readings),
      now: tools.now,
    },
    input.task,
    quota,
  );
  return {
    result: { read, asked: { ...asked, model: gateway.label("sql") } },
    calls: asked.calls,
    degradations: asked.failure
      ? [
          ...degradations,
          degradation("sql", asked.failure, "the queries that ran before the model failed"),
        ]
      : degradations,
  };
}
