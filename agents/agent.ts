// What every agent's entry (agents/<agent>/index.ts) shares: the context it runs in,
// how it chooses its mode, and what it returns. An agent runs its model when its role
// has one and the case's token budget is not spent, and its deterministic
// counterpart otherwise or when the model fails; either way it says what it did —
// the model calls to record and the degradations to put in the verdict. The graph
// node around it only wires: deps in, agent, record, state update out.
import { type Budget, tokensUsed, type Usage } from "../domain/budget.js";
import type { ModelRole } from "../domain/model-role.js";
import type { Degradation } from "../domain/verdict.js";
import type { ModelGateway } from "../tools/model/gateway.js";
import type { ModelCall } from "../tools/model/types.js";

export interface AgentContext {
  /** The one way to a model (redacted, recorded, retried); null offline. */
  gateway: ModelGateway | null;
  budget: Budget;
  /** What the case has spent so far (the token budget decides whether a model may run). */
  usage: Partial<Usage>;
}

export interface AgentOutcome<T> {
  result: T;
  /** Every model call made, failed ones too, for the audit chain. */
  calls: ModelCall[];
  /** Where the agent fell back to its deterministic counterpart, and why. */
  degradations: Degradation[];
}

export function degradation(role: ModelRole, reason: string, fallback: string): Degradation {
  return { role, reason: reason.slice(0, 500), fallback };
}

/**
 * The gateway when `role` runs its model this time, else null: it has none, or the
 * case's token budget is spent (a degradation, recorded, not a failure).
 */
export function modelFor(
  ctx: AgentContext,
  role: ModelRole,
  fallback: string,
): { gateway: ModelGateway | null; degradations: Degradation[] } {
  if (!ctx.gateway?.has(role)) return { gateway: null, degradations: [] };
  if (tokensUsed(ctx.usage) < ctx.budget.maxTokens)
    return { gateway: ctx.gateway, degradations: [] };
  return {
    gateway: null,
    degradations: [
      degradation(role, `the case's token budget (${ctx.budget.maxTokens}) is spent`, fallback),
    ],
  };
}
