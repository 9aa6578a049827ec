// Per-case budgets, enforced by the graph (never by a prompt). Running out gives a
// partial verdict that says which budget ran out, never a crash.
import { z } from "zod";

export const Budget = z.object({
  maxIterations: z.number().int().min(1).max(10).default(3),
  maxSqlQueries: z.number().int().min(1).max(10_000).default(150),
  maxRows: z.number().int().min(1).max(1_000_000).default(5_000),
  maxWebCalls: z.number().int().min(0).max(100).default(6),
  maxWallMs: z.number().int().min(100).max(3_600_000).default(60_000),
  /** Model tokens (prompt + completion) a case may spend in LLM mode. */
  maxTokens: z.number().int().min(1_000).max(10_000_000).default(200_000),
});
export type Budget = z.infer<typeof Budget>;

export const DEFAULT_BUDGET: Budget = Budget.parse({});

export interface Usage {
  sqlQueries: number;
  rows: number;
  webCalls: number;
  /** Model tokens: prompt (input) and completion (output), and what they cost. */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export const NO_USAGE: Usage = {
  sqlQueries: 0,
  rows: 0,
  webCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
};

/** Adds usage; a field missing on either side (a checkpoint written before it existed) counts 0. */
export function addUsage(a: Partial<Usage>, b: Partial<Usage>): Usage {
  return {
    sqlQueries: (a.sqlQueries ?? 0) + (b.sqlQueries ?? 0),
    rows: (a.rows ?? 0) + (b.rows ?? 0),
    webCalls: (a.webCalls ?? 0) + (b.webCalls ?? 0),
    inputTokens: (a.inputTokens ?? 0) + (b.inputTokens ?? 0),
    outputTokens: (a.outputTokens ?? 0) + (b.outputTokens ?? 0),
    costUsd: (a.costUsd ?? 0) + (b.costUsd ?? 0),
  };
}

export function tokensUsed(usage: Partial<Usage>): number {
  return (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
}

export interface Exhaustion {
  budget: "iterations" | "sql_queries" | "rows" | "web_calls" | "wall_time" | "tokens";
  detail: string;
}

/** The first budget used up, if any. */
export function exhausted(
  budget: Budget,
  usage: Usage,
  iterations: number,
  elapsedMs: number,
): Exhaustion | null {
  if (elapsedMs >= budget.maxWallMs)
    return { budget: "wall_time", detail: `${Math.round(elapsedMs)} ms of ${budget.maxWallMs} ms` };
  if (usage.sqlQueries >= budget.maxSqlQueries)
    return {
      budget: "sql_queries",
      detail: `${usage.sqlQueries} of ${budget.maxSqlQueries} queries`,
    };
  if (tokensUsed(usage) >= budget.maxTokens)
    return {
      budget: "tokens",
      detail: `${tokensUsed(usage)} of ${budget.maxTokens} model tokens`,
    };
  if (usage.rows >= budget.maxRows)
    return { budget: "rows", detail: `${usage.rows} of ${budget.maxRows} rows` };
  if (iterations > budget.maxIterations)
    return {
      budget: "iterations",
      detail: `${iterations - 1} of ${budget.maxIterations} iterations`,
    };
  return null;
}
