// The model-driven part of SQL retrieval: after the catalogued indicators are read
// (both modes always read them), the model may ask its own questions of the
// warehouse through one tool, run_sql. Every statement goes through the guard
// (tools/sql/guard.ts), which trusts nothing in it; a refusal goes back to the
// model with its reason, a bounded number of times. Every query that runs is
// evidence, recorded with the exact SQL that ran (the guard's reprint, with its
// row limit). Rows go back to the model redacted and truncated.
import { z } from "zod";
import { hashOf } from "../../domain/canonical-json.js";
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { SqlTask } from "../../domain/task.js";
import { promptRef } from "../../prompts/prompt.js";
import { SQL_PROMPT, sqlMessage, sqlSystem } from "../../prompts/sql.js";
import type { ModelGateway } from "../../tools/model/gateway.js";
import type { ChatTurn, ModelCall } from "../../tools/model/types.js";
import { checkSql } from "../../tools/sql/guard.js";
import type { SqlPolicy } from "../../tools/sql/policy.js";

export const RUN_SQL = {
  name: "run_sql",
  description:
    "Run one read-only SELECT over schema risk and get its rows back (at most 50 shown).",
  schema: z.object({
    sql: z.string().min(1).max(20_000).describe("One PostgreSQL SELECT over risk.* tables"),
    purpose: z.string().max(300).describe("What this query should show, in one sentence"),
  }),
};

/** The warehouse as model SQL sees it: read-only transaction, timeout, recorded. */
export type GuardedQuery = (sql: string) => Promise<{
  rows: Record<string, unknown>[];
  error: string | null;
  /** Rows the byte cap held back (absent when everything fit). */
  cut?: number;
}>;

export interface ModelSqlContext {
  gateway: ModelGateway;
  policy: SqlPolicy;
  schema: string;
  run: GuardedQuery;
  subject: string;
  asOf: string;
  /** The indicators already read for this task, as the prompt shows them. */
  indicators: string;
  now: () => string;
  /** Refusals the model gets back before the loop stops. */
  maxRefusals?: number;
}

export interface ModelSqlQuery {
  sql: string;
  purpose: string;
  allowed: boolean;
  reason: string;
  rows: number;
  resultHash: string | null;
  error: string | null;
}

export interface ModelSqlResult {
  evidence: Evidence[];
  queries: ModelSqlQuery[];
  executed: number;
  rows: number;
  calls: ModelCall[];
  summary: string | null;
  /** The model failed (after retries): what ran is kept, the loop stopped. */
  failure: string | null;
}

const SHOWN_ROWS = 50;

function rowsForModel(rows: Record<string, unknown>[]): string {
  const shown = JSON.stringify(rows.slice(0, SHOWN_ROWS));
  const text = shown.length > 8_000 ? `${shown.slice(0, 8_000)}…` : shown;
  return `${rows.length} row(s)${rows.length > SHOWN_ROWS ? `, first ${SHOWN_ROWS} shown` : ""}: ${text}`;
}

export async function askWarehouse(
  ctx: ModelSqlContext,
  task: SqlTask,
  quota: number,
): Promise<ModelSqlResult> {
  const result: ModelSqlResult = {
    evidence: [],
    queries: [],
    executed: 0,
    rows: 0,
    calls: [],
    summary: null,
    failure: null,
  };
  const maxRefusals = ctx.maxRefusals ?? 3;
  let refusals = 0;
  const messages: ChatTurn[] = [
    { role: "system", content: sqlSystem(ctx.schema) },
    {
      role: "user",
      content: sqlMessage({
        subject: ctx.subject,
        asOf: ctx.asOf,
        goal: task.goal,
        quota,
        indicators: ctx.indicators,
      }),
    },
  ];
  // Each turn either runs a query, is refused, or ends the loop: bounded by both.
  for (let turn = 0; turn < quota + maxRefusals + 1; turn++) {
    const call = await ctx.gateway.chat("sql", {
      prompt: promptRef(SQL_PROMPT),
      messages,
      tools: [RUN_SQL],
    });
    result.calls.push(call);
    if (!call.reply) {
      result.failure = call.error;
      break;
    }
    const { toolCalls, text } = call.reply;
    if (toolCalls.length === 0) {
      result.summary = text.slice(0, 2_000) || null;
      break;
    }
    messages.push({ role: "assistant", content: text, toolCalls });
    for (const toolCall of toolCalls) {
      const answer = await answerCall(ctx, toolCall.name, toolCall.args, result, quota);
      if (answer.refused) refusals++;
      messages.push({ role: "tool", toolCallId: toolCall.id, content: answer.content });
    }
    if (refusals >= maxRefusals || result.executed >= quota) break;
  }
  return result;
}

async function answerCall(
  ctx: ModelSqlContext,
  name: string,
  args: unknown,
  result: ModelSqlResult,
  quota: number,
): Promise<{ content: string; refused: boolean }> {
  if (name !== RUN_SQL.name)
    return {
      content: `refused: there is no tool ${name}; the only tool is run_sql`,
      refused: true,
    };
  const parsed = RUN_SQL.schema.safeParse(args);
  if (!parsed.success)
    return { content: "refused: run_sql needs {sql, purpose} as strings", refused: true };
  const { sql, purpose } = parsed.data;
  if (result.executed >= quota)
    return { content: "refused: the query quota for this task is used up", refused: true };
  const verdict = await checkSql(sql, ctx.policy);
  if (!verdict.allowed) {
    result.queries.push({
      sql,
      purpose,
      allowed: false,
      reason: verdict.reason,
      rows: 0,
      resultHash: null,
      error: null,
    });
    return { content: `refused by the SQL guard: ${verdict.reason}`, refused: true };
  }
  const ran = await ctx.run(verdict.sql);
  result.executed++;
  const query: ModelSqlQuery = {
    sql: verdict.sql,
    purpose,
    allowed: true,
    reason: verdict.reason,
    rows: ran.rows.length,
    resultHash: ran.error ? null : hashOf(ran.rows),
    error: ran.error,
  };
  result.queries.push(query);
  if (ran.error) return { content: `the query failed: ${ran.error}`, refused: false };
  result.rows += ran.rows.length;
  const heldBack = ran.cut ? { held_back_by_byte_cap: ran.cut } : {};
  result.evidence.push(
    makeEvidence(
      {
        kind: "sql",
        source: { locator: verdict.sql, params: [], via: "sql_agent" },
        summary: `${purpose.slice(0, 200)} (${ran.rows.length} row${ran.rows.length === 1 ? "" : "s"} from ${verdict.tables.join(", ")})`,
        data: { rows: ran.rows.slice(0, SHOWN_ROWS), row_count: ran.rows.length, ...heldBack },
        untrusted: false,
      },
      ctx.now(),
    ),
  );
  const note = ran.cut
    ? `\n(${ran.cut} more row${ran.cut === 1 ? "" : "s"} held back: the result passed the byte cap; ask for fewer or narrower columns)`
    : "";
  return { content: rowsForModel(ran.rows) + note, refused: false };
}
