// The shapes that cross the model boundary: the turns casehound sends (already
// redacted), the reply it gets back, and the record of one call that the audit
// chain keeps.
import type { ModelRole } from "../../domain/model-role.js";

export interface ToolCall {
  id: string;
  name: string;
  args: unknown;
}

export type ChatTurn =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string; toolCalls?: ToolCall[] }
  | { role: "tool"; content: string; toolCallId: string };

export interface ModelReply {
  text: string;
  toolCalls: ToolCall[];
  /** Tool calls whose arguments were not valid JSON: the raw text, for a repair. */
  invalidToolCalls: { name: string; args: string; error: string }[];
  usage: { input: number; output: number; estimated: boolean };
}

/** A tool a model may call: name, what it is for, and the zod schema of its arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  schema: import("zod").ZodType;
}

/** One model call as the audit chain records it (messages as sent: redacted). */
export interface ModelCall {
  role: ModelRole;
  model: string;
  prompt: { id: string; version: string; hash: string };
  messages: ChatTurn[];
  reply: ModelReply | null;
  /** Why the call produced nothing usable, after its retries. */
  error: string | null;
  attempts: number;
  costUsd: number;
}

/** A recorder's observe: answered once per run (live) or from the recording (replay). */
export type Observe = <T>(tool: string, request: unknown, compute: () => Promise<T>) => Promise<T>;
