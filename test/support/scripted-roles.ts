// A scripted investigator for tests: given the messages casehound sends one of its
// model roles, it answers the way a competent model would — a plan over the
// catalogue, one legitimate and one hostile SQL query, a judgement citing the
// evidence ids its prompt shows, a reflection naming a gap — so the same script
// can drive fakeModel() (in process) and the OpenAI-compatible stub (over HTTP).
import { LINKS_PROMPT } from "../../prompts/links.js";
import { PLANNER_PROMPT } from "../../prompts/planner.js";
import { REASONING_PROMPT } from "../../prompts/reasoning.js";
import { REFLECTION_PROMPT } from "../../prompts/reflection.js";
import { SQL_PROMPT } from "../../prompts/sql.js";
import { WEB_PROMPT } from "../../prompts/web.js";
import { extractUntrustedBlocks } from "../../tools/untrusted/quote.js";

/** The prompts casehound sends; "links" is the link-analysis agent's (on the sql model). */
export type Role = "planner" | "sql" | "links" | "reasoning" | "reflection" | "web";

export interface ScriptedAnswer {
  toolCall?: { name: string; args: Record<string, unknown> | string };
  text?: string;
}

export interface Turn {
  role: string;
  content: string;
}

export function roleOf(system: string): Role | null {
  if (system === PLANNER_PROMPT.system) return "planner";
  if (system === REASONING_PROMPT.system) return "reasoning";
  if (system === REFLECTION_PROMPT.system) return "reflection";
  if (system === WEB_PROMPT.system) return "web";
  if (system === LINKS_PROMPT.system) return "links";
  if (system.startsWith(SQL_PROMPT.system.slice(0, SQL_PROMPT.system.indexOf("<schema>"))))
    return "sql";
  return null;
}

/** The evidence ids of the indicator table rows whose indicator starts with `prefix`. */
export function indicatorEvidence(user: string, prefix: string): string[] {
  return user
    .split("\n")
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.split(" | ").at(-1)?.trim() ?? "")
    .filter((id) => /^ev_[0-9a-f]{16}$/.test(id));
}

export const HOSTILE_SQL = "DELETE FROM risk.orders WHERE true";

export function plannerAnswer(user: string): ScriptedAnswer {
  const seller = /"sellerId":"([^"]+)"/.exec(user)?.[1] ?? "unknown";
  return {
    toolCall: {
      name: "submit_plan",
      args: {
        rationale: "The flags point at brushing; screen collusion too.",
        tasks: [
          {
            agent: "sql_retrieval",
            goal: "test brushing",
            indicators: [
              "brushing.buyer_device_sharing",
              "brushing.buyer_address_sharing",
              "brushing.fresh_single_seller_buyers",
              "brushing.templated_reviews",
              "brushing.fast_reviews",
              "made.up_indicator",
            ],
          },
          { agent: "web_search", goal: "reports about the shop", queries: [seller] },
        ],
      },
    },
  };
}

/** First a real question, then a hostile one, then a summary (by how many tool results came back). */
export function sqlAnswer(turns: Turn[]): ScriptedAnswer {
  const user = turns.find((t) => t.role === "user")?.content ?? "";
  const seller = /<subject>([^<]+)<\/subject>/.exec(user)?.[1] ?? "unknown";
  const results = turns.filter((t) => t.role === "tool").length;
  if (results === 0)
    return {
      toolCall: {
        name: "run_sql",
        args: {
          sql: `SELECT count(*) AS orders, count(DISTINCT buyer_id) AS buyers FROM risk.orders WHERE seller_id = '${seller}'`,
          purpose: "how many orders and distinct buyers the seller has",
        },
      },
    };
  if (results === 1)
    return { toolCall: { name: "run_sql", args: { sql: HOSTILE_SQL, purpose: "tidy up" } } };
  return { text: "The seller's order count is in line with the indicators." };
}

export function reasoningAnswer(user: string): ScriptedAnswer {
  const cited = indicatorEvidence(user, "brushing.");
  return {
    toolCall: {
      name: "submit_judgement",
      args: {
        decision: "fraud",
        typology: "brushing",
        risk_score: 0.97,
        confidence: 0.95,
        recommended_action: "ban",
        findings: [
          {
            claim: "Buyers share devices and addresses and buy nowhere else",
            typology: "brushing",
            evidence_ids: cited.slice(0, 3),
          },
          {
            claim: "A claim resting on evidence that does not exist",
            typology: "brushing",
            evidence_ids: ["ev_00000000000000ff"],
          },
        ],
        counter_evidence: [],
        reasoning: ["Shared devices among fresh single-seller buyers is the brushing pattern."],
      },
    },
  };
}

export function reflectionAnswer(): ScriptedAnswer {
  return {
    toolCall: {
      name: "submit_reflection",
      args: {
        passed: true,
        issues: [],
        requested_indicators: ["collusion.shared_payout_account", "no.such_indicator"],
      },
    },
  };
}

export const INVENTED_QUOTE = "this shop was raided by the police last week";

/**
 * Web search: one query that leaves the shop's name out (code must put it in), then
 * claims about the first result: one quoting it exactly, one with an invented quote.
 */
export function webAnswer(turns: Turn[]): ScriptedAnswer {
  const results = turns.filter((t) => t.role === "tool").map((t) => t.content);
  if (results.length === 0)
    return { toolCall: { name: "search_web", args: { query: "scam complaints fake reviews" } } };
  const first = extractUntrustedBlocks(results.join("\n"))[0];
  const quote = first?.replace(/\s+/g, " ").trim().slice(0, 60) ?? "";
  return {
    toolCall: {
      name: "submit_claims",
      args: {
        claims: first
          ? [
              { result: "r1", claim: "A page reports a complaint about the seller.", quote },
              { result: "r1", claim: "The seller was raided.", quote: INVENTED_QUOTE },
            ]
          : [],
      },
    },
  };
}

/** The scripted answer for whichever role these turns are addressed to. */
/** Follow the ring one hop further when the seller has direct links, else stay. */
export function linksAnswer(user: string): ScriptedAnswer {
  const linked = /^- slr_/m.test(user);
  return {
    toolCall: {
      name: "choose_hops",
      args: linked
        ? { hops: 2, reason: "the direct links are strong; see who they link to" }
        : { hops: 1, reason: "nothing to follow" },
    },
  };
}

export function answerFor(turns: Turn[]): ScriptedAnswer {
  const system = turns.find((t) => t.role === "system")?.content ?? "";
  const user = turns.find((t) => t.role === "user")?.content ?? "";
  switch (roleOf(system)) {
    case "planner":
      return plannerAnswer(user);
    case "sql":
      return sqlAnswer(turns);
    case "reasoning":
      return reasoningAnswer(user);
    case "reflection":
      return reflectionAnswer();
    case "web":
      return webAnswer(turns);
    case "links":
      return linksAnswer(user);
    default:
      return { text: "I do not know this role." };
  }
}
