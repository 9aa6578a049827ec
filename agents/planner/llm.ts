// The model-driven planner. The model writes a plan (zod-checked); code then checks
// it against what exists and what the case may spend: unknown indicator ids are
// dropped, indicators already read are not read again, the first round always
// reads the context and every typology's indicators (the model orders the work and
// adds depth; it cannot narrow what is read), a later round always covers the gaps the
// reflection named, and every task gets its share of the budget by the same rule
// as offline. A plan that reads nothing is impossible: the offline plan replaces it.
import { z } from "zod";
import type { Task } from "../../domain/task.js";
import { TYPOLOGIES } from "../../domain/typology.js";
import { PLANNER_PROMPT, plannerMessage } from "../../prompts/planner.js";
import { promptRef } from "../../prompts/prompt.js";
import { INDICATORS, indicatorById } from "../../tools/indicators/catalog/index.js";
import type { ModelGateway } from "../../tools/model/gateway.js";
import { structuredCall } from "../../tools/model/structured.js";
import type { ModelCall } from "../../tools/model/types.js";
import { allocate, linkTask, type PlanInput, planOffline } from "./offline.js";
import { EVERY_CASE_INDICATOR_IDS } from "./playbooks.js";

export const ModelPlan = z.object({
  rationale: z.string().max(2_000).describe("Why these tasks, in two or three sentences"),
  tasks: z
    .array(
      z.discriminatedUnion("agent", [
        z.object({
          agent: z.literal("sql_retrieval"),
          goal: z.string().min(1).max(300).describe("The question this task answers"),
          indicators: z
            .array(z.string().max(80))
            .max(40)
            .describe("Indicator ids from <indicators>"),
        }),
        z.object({
          agent: z.literal("web_search"),
          goal: z.string().min(1).max(300),
          queries: z.array(z.string().min(1).max(200)).min(1).max(6).describe("Plain-word queries"),
        }),
      ]),
    )
    .min(1)
    .max(8),
});
export type ModelPlan = z.infer<typeof ModelPlan>;

export const SUBMIT_PLAN = {
  name: "submit_plan",
  description: "Submit the investigation plan: the tasks for the agents, in order.",
  schema: ModelPlan,
};

export interface CheckedPlan {
  tasks: Task[];
  /** What code changed in the model's plan, one sentence each. */
  corrections: string[];
  /** Set when the model's plan was impossible and the offline plan replaced it. */
  replaced: string | null;
}

/** Checks a model's plan against the catalogue, what was read, the gaps and the budget. */
export function checkPlan(plan: ModelPlan, input: PlanInput): CheckedPlan {
  const corrections: string[] = [];
  const taken = new Set<string>();
  const tasks: Task[] = [];
  const fresh = (ids: string[]) => {
    const out: string[] = [];
    for (const id of ids) {
      if (!indicatorById(id)) corrections.push(`unknown indicator ${id} dropped`);
      else if (input.read.has(id) || taken.has(id)) continue;
      else out.push(id);
      taken.add(id);
    }
    return out;
  };
  const must =
    input.iteration === 0
      ? EVERY_CASE_INDICATOR_IDS
      : input.requested.filter((id) => indicatorById(id));
  for (const task of plan.tasks) {
    if (task.agent === "web_search") {
      tasks.push({ ...task, maxCalls: 0 });
      continue;
    }
    const indicators = fresh(task.indicators);
    if (indicators.length)
      tasks.push({ agent: "sql_retrieval", goal: task.goal, indicators, maxQueries: 0 });
  }
  const missing = fresh([...must]);
  if (missing.length) {
    corrections.push(
      `${input.iteration === 0 ? "indicators every case reads" : "requested indicators"} added: ${missing.join(", ")}`,
    );
    tasks.unshift({
      agent: "sql_retrieval",
      goal:
        input.iteration === 0
          ? "read the indicators every case reads"
          : "answer the reflection's gaps",
      indicators: missing,
      maxQueries: 0,
    });
  }
  if (input.iteration === 0) tasks.push(linkTask());
  const reads = tasks.some((t) => t.agent === "sql_retrieval");
  if (input.iteration === 0 && !reads)
    return {
      tasks: planOffline(input).tasks,
      corrections,
      replaced: "the plan reads no indicators",
    };
  return { tasks: allocate(tasks, input.budget, input.usage), corrections, replaced: null };
}

function catalogue(): string {
  return INDICATORS.map((i) => `${i.id} [${i.topics.join(",")}] ${i.title}`).join("\n");
}

export interface LlmPlanResult extends CheckedPlan {
  calls: ModelCall[];
  /** Why the model's plan could not be used at all (the offline plan ran instead). */
  failure: string | null;
  rationale: string | null;
}

export async function planWithModel(
  gateway: ModelGateway,
  input: PlanInput,
  sellerText: string,
): Promise<LlmPlanResult> {
  const p = input.profile;
  const message = plannerMessage({
    case: JSON.stringify({
      allegation: input.case.allegation,
      typology_hints: input.case.typologyHints ?? [],
      typologies: TYPOLOGIES,
    }),
    profile: JSON.stringify(p),
    round: input.iteration + 1,
    budget: JSON.stringify({
      sql_queries_left: input.budget.maxSqlQueries - input.usage.sqlQueries,
      web_calls_left: input.budget.maxWebCalls - input.usage.webCalls,
      rounds: input.budget.maxIterations,
    }),
    indicators: catalogue(),
    read: [...input.read].join(", ") || "(none)",
    gaps: input.requested.join("\n") || "(none)",
    sellerText: sellerText || "(none)",
  });
  const result = await structuredCall(gateway, "planner", {
    prompt: promptRef(PLANNER_PROMPT),
    messages: [
      { role: "system", content: PLANNER_PROMPT.system },
      { role: "user", content: message },
    ],
    tool: SUBMIT_PLAN,
  });
  if (!result.value)
    return {
      tasks: planOffline(input).tasks,
      corrections: [],
      replaced: null,
      calls: result.calls,
      failure: result.failure,
      rationale: null,
    };
  return {
    ...checkPlan(result.value, input),
    calls: result.calls,
    failure: null,
    rationale: result.value.rationale,
  };
}
