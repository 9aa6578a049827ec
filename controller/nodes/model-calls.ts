// What a node does with the model calls its agent made: one llm_call audit event
// each (prompt id, version and hash, model, the redacted messages as sent, the
// response, tokens and cost), and the usage and prompt versions for the state.
import type { AgentContext } from "../../agents/agent.js";
import type { Usage } from "../../domain/budget.js";
import { MODEL_ROLES } from "../../domain/model-role.js";
import type { ModelCall } from "../../tools/model/types.js";
import type { InvestigationDeps } from "../deps.js";
import type { StepRecorder } from "./record.js";

export async function recordModelCalls(
  record: StepRecorder,
  calls: readonly ModelCall[],
): Promise<{ usage: Partial<Usage>; prompts: Record<string, string> }> {
  const usage: Partial<Usage> = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
  const prompts: Record<string, string> = {};
  for (const call of calls) {
    const tokens = call.reply?.usage ?? { input: 0, output: 0, estimated: false };
    await record("llm_call", {
      role: call.role,
      model: call.model,
      prompt_id: call.prompt.id,
      prompt_version: call.prompt.version,
      prompt_hash: call.prompt.hash,
      messages: call.messages,
      response: call.reply
        ? {
            text: call.reply.text,
            tool_calls: call.reply.toolCalls,
            invalid_tool_calls: call.reply.invalidToolCalls,
          }
        : null,
      error: call.error,
      attempts: call.attempts,
      input_tokens: tokens.input,
      output_tokens: tokens.output,
      tokens_estimated: tokens.estimated,
      cost_usd: call.costUsd,
    });
    usage.inputTokens = (usage.inputTokens ?? 0) + tokens.input;
    usage.outputTokens = (usage.outputTokens ?? 0) + tokens.output;
    usage.costUsd = (usage.costUsd ?? 0) + call.costUsd;
    prompts[call.prompt.id] = `${call.prompt.version}:${call.prompt.hash}`;
  }
  return { usage, prompts };
}

/** What an agent needs to choose its mode: the gateway, the budget, what the case spent. */
export function agentContext(deps: InvestigationDeps, usage: Partial<Usage>): AgentContext {
  return { gateway: deps.gateway, budget: deps.budget, usage };
}

/** provider:model per role, "offline" for a role without one. */
export function modelsOf(deps: InvestigationDeps): Record<string, string> {
  if (!deps.gateway) return {};
  const gateway = deps.gateway;
  return Object.fromEntries(
    MODEL_ROLES.map((role) => [role, gateway.has(role) ? gateway.label(role) : "offline"]),
  );
}
