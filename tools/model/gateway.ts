// The one way an agent talks to a model. Every call:
//  - redacts every message (PII never reaches a model, nor the audit, nor a recording);
//  - binds exactly the tools the calling agent's code names;
//  - is answered through the run's recorder, so a resumed or replayed run sees the
//    reply the model gave (failures included) without asking again;
//  - has a timeout, and our own retries with backoff and jitter within the case's
//    wall-time deadline;
//  - reports tokens (estimated when the server sends none) and their cost.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  AIMessage,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import { costOf, type PriceTable } from "../../config/prices.js";
import type { ModelRole } from "../../domain/model-role.js";
import { classifyFailure } from "./failure.js";
import { type RetryPolicy, sleep, withRetries } from "./retry.js";
import type { ChatTurn, ModelCall, ModelReply, Observe, ToolSpec } from "./types.js";

export interface GatewayOptions {
  models: Partial<Record<ModelRole, BaseChatModel>>;
  /** provider:model per role, as the audit and the verdict name it. */
  labels: Partial<Record<ModelRole, string>>;
  redact: <T>(value: T) => T;
  observe: Observe;
  prices: PriceTable;
  timeoutMs: number;
  retries: number;
  /** Epoch ms by which the case must be done (no retry starts after it). */
  deadline: number;
  signal?: AbortSignal;
  now?: () => number;
  random?: () => number;
  sleep?: RetryPolicy["sleep"];
}

export interface ChatRequest {
  prompt: { id: string; version: string; hash: string };
  messages: ChatTurn[];
  tools: ToolSpec[];
  /** Force this tool (structured output); otherwise the model may answer in text. */
  toolChoice?: string;
}

export interface ModelGateway {
  has(role: ModelRole): boolean;
  label(role: ModelRole): string;
  chat(role: ModelRole, request: ChatRequest): Promise<ModelCall>;
}

function toMessage(turn: ChatTurn): BaseMessage {
  switch (turn.role) {
    case "system":
      return new SystemMessage(turn.content);
    case "user":
      return new HumanMessage(turn.content);
    case "tool":
      return new ToolMessage({ content: turn.content, tool_call_id: turn.toolCallId });
    default:
      return new AIMessage({
        content: turn.content,
        tool_calls: (turn.toolCalls ?? []).map((c) => ({
          id: c.id,
          name: c.name,
          args: (c.args ?? {}) as Record<string, unknown>,
          type: "tool_call" as const,
        })),
      });
  }
}

const estimate = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function toReply(message: AIMessage, sent: ChatTurn[]): ModelReply {
  const toolCalls = (message.tool_calls ?? []).map((c, i) => ({
    id: c.id ?? `call_${i}`,
    name: c.name,
    args: c.args,
  }));
  const text = message.text ?? "";
  const usage = message.usage_metadata;
  return {
    text,
    toolCalls,
    invalidToolCalls: (message.invalid_tool_calls ?? []).map((c) => ({
      name: c.name ?? "",
      args: c.args ?? "",
      error: c.error ?? "invalid arguments",
    })),
    usage: usage
      ? { input: usage.input_tokens ?? 0, output: usage.output_tokens ?? 0, estimated: false }
      : {
          input: estimate(sent.map((t) => t.content).join("\n")),
          output: estimate(text + JSON.stringify(toolCalls)),
          estimated: true,
        },
  };
}

type Answer = { reply: ModelReply; attempts: number } | { error: string; attempts: number };

export function createModelGateway(options: GatewayOptions): ModelGateway {
  const now = options.now ?? Date.now;
  const policy: RetryPolicy = {
    retries: options.retries,
    baseMs: 500,
    capMs: 8_000,
    deadline: options.deadline,
    now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleep,
  };
  const label = (role: ModelRole) => options.labels[role] ?? options.models[role]?.getName() ?? "";

  async function ask(model: BaseChatModel, request: ChatRequest): Promise<Answer> {
    const bindTools = model.bindTools?.bind(model);
    if (request.tools.length && !bindTools)
      return { error: "the model cannot call tools", attempts: 0 };
    let runnable: Pick<BaseChatModel, "invoke"> = model;
    if (bindTools && request.tools.length) {
      try {
        runnable = bindTools(
          request.tools.map((t) => ({
            name: t.name,
            description: t.description,
            schema: t.schema,
          })),
          request.toolChoice ? { tool_choice: request.toolChoice } : {},
        );
      } catch (error) {
        // A client that cannot take these tools is a failed call, not a crashed run.
        return { error: `the model refused the tools: ${(error as Error).message}`, attempts: 0 };
      }
    }
    const messages = request.messages.map(toMessage);
    const outcome = await withRetries(
      async () => {
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        try {
          return (await runnable.invoke(messages, { signal })) as AIMessage;
        } catch (error) {
          if (options.signal?.aborted) throw error;
          throw Object.assign(new Error("model request failed"), {
            failure: classifyFailure(error, timeout.aborted),
          });
        }
      },
      policy,
      options.signal,
    );
    if (!outcome.ok)
      return {
        error: `${outcome.failure.kind}${outcome.failure.status ? ` ${outcome.failure.status}` : ""}: ${outcome.failure.message} (after ${outcome.attempts} attempt${outcome.attempts === 1 ? "" : "s"})`,
        attempts: outcome.attempts,
      };
    return { reply: toReply(outcome.value, request.messages), attempts: outcome.attempts };
  }

  return {
    // A replay has labels but no clients: the recorder answers every call.
    has: (role) => options.labels[role] !== undefined || options.models[role] !== undefined,
    label,
    async chat(role, raw) {
      const model = options.models[role];
      if (!model && !options.labels[role]) throw new Error(`no model is configured for ${role}`);
      const request: ChatRequest = { ...raw, messages: options.redact(raw.messages) };
      const key = {
        role,
        model: label(role),
        prompt: request.prompt.hash,
        messages: request.messages,
        tools: request.tools.map((t) => t.name),
        toolChoice: request.toolChoice ?? null,
      };
      const answer = await options.observe<Answer>("model", key, async () =>
        model ? ask(model, request) : { error: "no client for this model", attempts: 0 },
      );
      const reply = "reply" in answer ? answer.reply : null;
      return {
        role,
        model: label(role),
        prompt: request.prompt,
        messages: request.messages,
        reply,
        error: "error" in answer ? answer.error : null,
        attempts: answer.attempts,
        costUsd: reply
          ? costOf(options.prices, label(role).replace(/^[^:]*:/, ""), reply.usage)
          : 0,
      };
    },
  };
}
