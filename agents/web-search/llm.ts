// The model-driven web search: the model writes its own queries (a bounded number,
// through the search_web tool) and reports what the results claim, each claim with a
// quote. Code keeps the model honest: a query that names neither the shop nor the
// seller id gets the shop name put in front (the search stays about this subject);
// only results naming the subject exactly are shown (look-alike shops never are); a
// claim whose quote is not, word for word, in the result it cites is discarded.
import { z } from "zod";
import type { Evidence } from "../../domain/evidence.js";
import { promptRef } from "../../prompts/prompt.js";
import { WEB_PROMPT, webMessage } from "../../prompts/web.js";
import type { ModelGateway } from "../../tools/model/gateway.js";
import type { ChatTurn, ModelCall } from "../../tools/model/types.js";
import { untrustedBlock } from "../../tools/untrusted/quote.js";
import { webEvidence } from "./offline.js";
import {
  type Hit,
  namesSubject,
  type SearchCall,
  type SearchContext,
  searchEverywhere,
} from "./search.js";

export const SEARCH_WEB = {
  name: "search_web",
  description: "Search the web for the seller; returns the results that name it.",
  schema: z.object({
    query: z.string().min(1).max(200).describe("Plain words, about this seller"),
  }),
};

export const SUBMIT_CLAIMS = {
  name: "submit_claims",
  description: "Submit what the results claim about the seller, each with a verbatim quote.",
  schema: z.object({
    claims: z
      .array(
        z.object({
          result: z.string().max(10).describe("The result's id, e.g. r2"),
          claim: z.string().min(1).max(300),
          quote: z.string().min(1).max(300).describe("Words copied exactly from that result"),
        }),
      )
      .max(12),
  }),
};

export interface Claim {
  claim: string;
  quote: string;
}

export interface ModelSearchResult {
  evidence: Evidence[];
  searches: SearchCall[];
  calls: ModelCall[];
  rejectedClaims: string[];
  failure: string | null;
}

/** A quote must say something: at least this many characters once squashed. */
const MIN_QUOTE = 20;

// Results reach the model escaped (&amp; &lt; &gt;) and redacted (<EMAIL_1a2b3c4d>); a
// quote copied from there still counts: a placeholder stands for any text.
function quoted(quote: string, text: string): boolean {
  const q = squash(quote);
  if (q.replace(/<[a-z_]+_[0-9a-f]{8}>/g, "").length < MIN_QUOTE) return false;
  const pattern = q
    .split(/<[a-z_]+_[0-9a-f]{8}>/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".{1,80}?");
  return new RegExp(pattern).test(squash(text));
}

const squash = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

export async function askTheWeb(
  ctx: SearchContext & { gateway: ModelGateway; now: () => string },
  subject: { shopName: string; sellerId: string; allegation: string },
  maxCalls: number,
): Promise<ModelSearchResult> {
  const names = [subject.shopName, subject.sellerId];
  // A call of the budget is one query, asked of every source at once.
  const quota = maxCalls;
  const out: ModelSearchResult = {
    evidence: [],
    searches: [],
    calls: [],
    rejectedClaims: [],
    failure: null,
  };
  const hits: Hit[] = [];
  const claims = new Map<Hit, Claim[]>();
  let searched = 0;
  const messages: ChatTurn[] = [
    { role: "system", content: WEB_PROMPT.system },
    {
      role: "user",
      content: webMessage({
        subject: `seller id: ${subject.sellerId}\n${untrustedBlock({ label: "shop name", provenance: { source: "risk.sellers.shop_name" }, text: subject.shopName })}`,
        allegation: untrustedBlock({
          label: "allegation",
          provenance: { source: "the case" },
          text: subject.allegation,
        }),
        quota,
      }),
    },
  ];
  for (let turn = 0; turn < quota + 2; turn++) {
    const call = await ctx.gateway.chat("web", {
      prompt: promptRef(WEB_PROMPT),
      messages,
      tools: [SEARCH_WEB, SUBMIT_CLAIMS],
    });
    out.calls.push(call);
    if (!call.reply) {
      out.failure = call.error;
      break;
    }
    const { toolCalls, text } = call.reply;
    if (toolCalls.length === 0) break;
    messages.push({ role: "assistant", content: text, toolCalls });
    let submitted = false;
    for (const toolCall of toolCalls) {
      let content: string;
      if (toolCall.name === SEARCH_WEB.name) {
        const parsed = SEARCH_WEB.schema.safeParse(toolCall.args);
        if (!parsed.success) content = "refused: search_web needs {query}";
        else if (searched >= quota) content = "refused: no searches left; call submit_claims";
        else {
          searched++;
          const raw = parsed.data.query;
          const query = namesSubject(raw, names) ? raw : `${subject.shopName} ${raw}`;
          const found = await searchEverywhere(ctx, [query], names);
          out.searches.push(...found.calls);
          const fresh = found.kept.filter(
            (h) => !hits.some((k) => k.url === h.url && k.chunkId === h.chunkId),
          );
          hits.push(...fresh);
          content = fresh.length
            ? fresh
                .map((h) =>
                  untrustedBlock({
                    label: `result r${hits.indexOf(h) + 1}: ${h.title}`,
                    provenance: { source: h.url },
                    text: h.text,
                    maxChars: 1500,
                  }),
                )
                .join("\n")
            : "no new results naming the seller for that query";
        }
      } else if (toolCall.name === SUBMIT_CLAIMS.name) {
        const parsed = SUBMIT_CLAIMS.schema.safeParse(toolCall.args);
        if (!parsed.success)
          content = "refused: submit_claims needs {claims: [{result, claim, quote}]}";
        else {
          for (const c of parsed.data.claims) {
            const hit = hits[Number(/^r(\d+)$/.exec(c.result)?.[1] ?? 0) - 1];
            if (!hit) out.rejectedClaims.push(`claim cites no shown result: ${c.result}`);
            else if (!quoted(c.quote, `${hit.title} ${hit.text}`))
              out.rejectedClaims.push(
                `quote not found in ${c.result} (or under ${MIN_QUOTE} characters): ${c.quote.slice(0, 80)}`,
              );
            else claims.set(hit, [...(claims.get(hit) ?? []), { claim: c.claim, quote: c.quote }]);
          }
          submitted = true;
          content = "claims received";
        }
      } else content = `refused: there is no tool ${toolCall.name}`;
      messages.push({ role: "tool", toolCallId: toolCall.id, content });
    }
    if (submitted) break;
  }
  const at = ctx.now();
  out.evidence = hits.map((h) => webEvidence(h, at, claims.get(h)));
  return out;
}
