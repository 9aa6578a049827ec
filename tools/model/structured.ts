// Structured output through a forced tool call, parsed by our own zod schema. The
// same path works for every chat model that can call tools (ChatOpenAI, an
// OpenAI-compatible server, a scripted test model), and keeps the raw reply so that
// bad output gets exactly one repair attempt: the model is shown what it sent and
// why it was refused. A second failure returns null and the reason; the caller's
// deterministic counterpart takes over and the verdict records the degradation.
import type { z } from "zod";
import type { ModelRole } from "../../domain/model-role.js";
import type { ModelGateway } from "./gateway.js";
import type { ChatTurn, ModelCall, ModelReply, ToolSpec } from "./types.js";

export interface StructuredResult<T> {
  value: T | null;
  /** Why there is no value: the model failed, or its output stayed invalid. */
  failure: string | null;
  calls: ModelCall[];
  repaired: boolean;
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 6)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/** The tool's arguments parsed, or what was wrong with the reply. */
export function parseReply<T>(
  reply: ModelReply,
  tool: ToolSpec & { schema: z.ZodType<T> },
): { ok: true; value: T } | { ok: false; problem: string; sent: string } {
  const call = reply.toolCalls.find((c) => c.name === tool.name);
  if (!call) {
    const invalid = reply.invalidToolCalls.find((c) => c.name === tool.name);
    if (invalid)
      return {
        ok: false,
        problem: `the arguments were not valid JSON (${invalid.error})`,
        sent: invalid.args,
      };
    const other = reply.toolCalls[0]?.name;
    return {
      ok: false,
      problem: other
        ? `it called ${other}, which is not available; call ${tool.name}`
        : `it did not call ${tool.name}`,
      sent: reply.text || JSON.stringify(reply.toolCalls),
    };
  }
  const parsed = tool.schema.safeParse(call.args);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: issuesOf(parsed.error), sent: JSON.stringify(call.args) };
}

export async function structuredCall<T>(
  gateway: ModelGateway,
  role: ModelRole,
  request: {
    prompt: ModelCall["prompt"];
    messages: ChatTurn[];
    tool: ToolSpec & { schema: z.ZodType<T> };
  },
): Promise<StructuredResult<T>> {
  const { tool } = request;
  const first = await gateway.chat(role, {
    prompt: request.prompt,
    messages: request.messages,
    tools: [tool],
    toolChoice: tool.name,
  });
  if (!first.reply) return { value: null, failure: first.error, calls: [first], repaired: false };
  const parsed = parseReply(first.reply, tool);
  if (parsed.ok) return { value: parsed.value, failure: null, calls: [first], repaired: false };

  const repair = await gateway.chat(role, {
    prompt: request.prompt,
    messages: [
      ...request.messages,
      { role: "assistant", content: `${tool.name}(${parsed.sent.slice(0, 4_000)})` },
      {
        role: "user",
        content: `That reply could not be used: ${parsed.problem}. Call ${tool.name} once more with arguments that match its schema exactly.`,
      },
    ],
    tools: [tool],
    toolChoice: tool.name,
  });
  const calls = [first, repair];
  if (!repair.reply) return { value: null, failure: repair.error, calls, repaired: true };
  const again = parseReply(repair.reply, tool);
  return again.ok
    ? { value: again.value, failure: null, calls, repaired: true }
    : {
        value: null,
        failure: `invalid output after one repair: ${again.problem}`,
        calls,
        repaired: true,
      };
}
