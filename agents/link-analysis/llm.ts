// The model-directed link analysis: the model sees the seller's direct links (one
// hop, read by code) and chooses how far out the neighbourhood is read (choose_hops,
// 1–3). Code reads it; the model never writes SQL here and never judges. An invalid
// answer gets one repair turn; then the caller falls back to the task's hops.
import { z } from "zod";
import { LINKS_PROMPT, linksMessage } from "../../prompts/links.js";
import { promptRef } from "../../prompts/prompt.js";
import type { Neighbourhood } from "../../tools/links/index.js";
import type { ModelGateway } from "../../tools/model/gateway.js";
import type { ChatTurn, ModelCall } from "../../tools/model/types.js";
import { untrustedBlock } from "../../tools/untrusted/quote.js";
import { sharedBuyersText } from "./evidence.js";

export const CHOOSE_HOPS = {
  name: "choose_hops",
  description: "Choose how many hops out the seller's neighbourhood is read.",
  schema: z.object({
    hops: z.number().int().min(1).max(3).describe("1, 2 or 3"),
    reason: z.string().max(300).describe("Why, in one sentence"),
  }),
};

export interface HopChoice {
  hops: number | null;
  reason: string | null;
  calls: ModelCall[];
  failure: string | null;
}

/** The direct links as the model sees them: identifiers and counts only. */
export function describeDirectLinks(n: Neighbourhood): string {
  const direct = n.edges.filter((e) => e.a === n.subject || e.b === n.subject);
  const lines = direct.slice(0, 20).map((e) => {
    const other = e.a === n.subject ? e.b : e.a;
    const via = [
      ...e.via.map((v) => `${v.kind} shared by ${v.degree} accounts`),
      ...(e.buyers ? [sharedBuyersText(e.buyers)] : []),
    ].join(", ");
    return `- ${other}: weight ${e.weight.toFixed(2)} (${via})`;
  });
  return [
    lines.length ? lines.join("\n") : "- no seller is linked directly",
    `hub attributes left out: ${n.hubs.length}`,
    `linked sellers with an enforcement or flag history: ${new Set(n.history.map((h) => h.sellerId)).size}`,
  ].join("\n");
}

export async function chooseHops(
  gateway: ModelGateway,
  subject: { sellerId: string; allegation: string },
  direct: Neighbourhood,
): Promise<HopChoice> {
  const out: HopChoice = { hops: null, reason: null, calls: [], failure: null };
  const messages: ChatTurn[] = [
    { role: "system", content: LINKS_PROMPT.system },
    {
      role: "user",
      content: linksMessage({
        subject: `seller id: ${subject.sellerId}`,
        allegation: untrustedBlock({
          label: "allegation",
          provenance: { source: "the case" },
          text: subject.allegation,
        }),
        links: describeDirectLinks(direct),
      }),
    },
  ];
  for (let attempt = 0; attempt < 2; attempt++) {
    const call = await gateway.chat("sql", {
      prompt: promptRef(LINKS_PROMPT),
      messages,
      tools: [CHOOSE_HOPS],
      toolChoice: CHOOSE_HOPS.name,
    });
    out.calls.push(call);
    if (!call.reply) {
      out.failure = call.error ?? "the model did not answer";
      return out;
    }
    const toolCall = call.reply.toolCalls.find((c) => c.name === CHOOSE_HOPS.name);
    const parsed = CHOOSE_HOPS.schema.safeParse(toolCall?.args);
    if (toolCall && parsed.success) {
      out.hops = parsed.data.hops;
      out.reason = parsed.data.reason;
      return out;
    }
    out.failure = toolCall
      ? `invalid choose_hops: ${parsed.error?.issues[0]?.message ?? "bad arguments"}`
      : "the model did not call choose_hops";
    if (!toolCall) return out;
    messages.push(
      { role: "assistant", content: call.reply.text, toolCalls: call.reply.toolCalls },
      {
        role: "tool",
        toolCallId: toolCall.id,
        content: `refused: ${out.failure}; call choose_hops with {hops: 1|2|3, reason}`,
      },
    );
  }
  return out;
}
