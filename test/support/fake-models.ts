// Scripted chat models in process: fakeModel() from @langchain/core/testing, each
// answer computed from the messages by the scripted investigator.
import type { BaseMessage } from "@langchain/core/messages";
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { answerFor, type ScriptedAnswer, type Turn } from "./scripted-roles.js";

const ROLE: Record<string, string> = {
  system: "system",
  human: "user",
  ai: "assistant",
  tool: "tool",
};

export function turnsOf(messages: BaseMessage[]): Turn[] {
  return messages.map((m) => ({ role: ROLE[m.getType()] ?? m.getType(), content: m.text }));
}

export function toMessage(answer: ScriptedAnswer, n: number): AIMessage {
  if (!answer.toolCall) return new AIMessage(answer.text ?? "");
  const { name, args } = answer.toolCall;
  if (typeof args === "string")
    return new AIMessage({
      content: "",
      invalid_tool_calls: [
        { name, args, id: `call_${n}`, error: "not JSON", type: "invalid_tool_call" },
      ],
    });
  return new AIMessage({
    content: "",
    tool_calls: [{ name, args, id: `call_${n}`, type: "tool_call" }],
  });
}

/** A fakeModel answering `calls` times from the script (or from `override` when it returns one). */
export function scriptedModel(
  calls = 60,
  override?: (turns: Turn[], n: number) => ScriptedAnswer | Error | undefined,
) {
  const model = fakeModel();
  let n = 0;
  for (let i = 0; i < calls; i++)
    model.respond((messages: BaseMessage[]) => {
      const turns = turnsOf(messages);
      const answer = override?.(turns, n) ?? answerFor(turns);
      n++;
      return answer instanceof Error ? answer : toMessage(answer, n);
    });
  return model;
}
