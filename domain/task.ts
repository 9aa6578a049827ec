// A task the planner dispatches: which agent, to what end, with which inputs, and
// how much of the remaining budget it may spend.
import { z } from "zod";

export const SqlTask = z.object({
  agent: z.literal("sql_retrieval"),
  goal: z.string(),
  indicators: z.array(z.string()).min(1),
  maxQueries: z.number().int().min(0),
});

export const WebTask = z.object({
  agent: z.literal("web_search"),
  goal: z.string(),
  queries: z.array(z.string().min(1)).min(1),
  maxCalls: z.number().int().min(0),
});

/** Link analysis: the seller's neighbourhood in the entity graph, `hops` out. */
export const LinkTask = z.object({
  agent: z.literal("link_analysis"),
  goal: z.string(),
  hops: z.number().int().min(1).max(3),
  maxQueries: z.number().int().min(0),
});

export const Task = z.discriminatedUnion("agent", [SqlTask, WebTask, LinkTask]);
export type Task = z.infer<typeof Task>;
export type SqlTask = z.infer<typeof SqlTask>;
export type WebTask = z.infer<typeof WebTask>;
export type LinkTask = z.infer<typeof LinkTask>;
