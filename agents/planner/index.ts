// The planning agent: decomposes the case into tasks for the other agents. With a
// planner model the model writes the plan and code checks it (llm.ts); without
// one, or when the model fails, the offline playbooks plan (offline.ts).
import { type AgentContext, type AgentOutcome, degradation, modelFor } from "../agent.js";
import { type CheckedPlan, planWithModel } from "./llm.js";
import { type PlanInput, planOffline } from "./offline.js";

const FALLBACK = "offline playbooks";

export interface Plan extends Pick<CheckedPlan, "tasks"> {
  /** Who planned, and what the checks changed: for the plan's audit event. */
  detail: Record<string, unknown>;
}

export async function planCase(
  input: PlanInput,
  /** Seller-written text for the model (already quoted as untrusted). */
  sellerText: string,
  ctx: AgentContext,
): Promise<AgentOutcome<Plan>> {
  const { gateway, degradations } = modelFor(ctx, "planner", FALLBACK);
  if (!gateway)
    return {
      result: { tasks: planOffline(input).tasks, detail: { planner: FALLBACK } },
      calls: [],
      degradations,
    };
  const planned = await planWithModel(gateway, input, sellerText);
  if (planned.failure)
    return {
      result: {
        tasks: planned.tasks,
        detail: { planner: FALLBACK, model_failed: planned.failure },
      },
      calls: planned.calls,
      degradations: [...degradations, degradation("planner", planned.failure, FALLBACK)],
    };
  return {
    result: {
      tasks: planned.tasks,
      detail: {
        planner: gateway.label("planner"),
        rationale: planned.rationale,
        corrections: planned.corrections,
        replaced: planned.replaced,
      },
    },
    calls: planned.calls,
    degradations,
  };
}
