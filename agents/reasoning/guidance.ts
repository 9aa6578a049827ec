// Knowledge-base guidance for a decision: the playbook sections on the typology the
// judgement names (what it looks like, what rules innocent explanations out) and the
// enforcement-policy section on the action it recommends. They become `kb` evidence
// (written by the project, so trusted) and the verdict cites them as the rules it
// followed. A not_fraud decision cites the policy on no action and, when a typology
// was weighed, its section on ruling innocent explanations out.
import type { Queryable } from "../../db/types.js";
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { Judgement } from "../../domain/profile.js";
import { type HybridHit, hybridSearch } from "../../tools/search/hybrid.js";
import type { Embedder } from "../../tools/vector/types.js";

export interface GuidanceContext {
  corpus: Queryable;
  embedder: Embedder | null;
}

const ACTION_WORDS: Record<string, string> = {
  ban: "ban permanent removal strong independent evidence",
  restrict: "restrict limits payouts listings while reviewed",
  monitor: "monitor watch suspicious uncertain evidence human review",
  no_action: "no action not fraud innocent explanation dismissed",
};

function kbEvidence(hit: HybridHit, query: string, now: string): Evidence {
  return makeEvidence(
    {
      kind: "kb",
      source: { locator: hit.url ?? `kb://${hit.docId}`, params: [query], via: "knowledge_base" },
      summary: hit.heading,
      data: { doc_id: hit.docId, chunk_id: hit.chunkId, heading: hit.heading, text: hit.text },
      untrusted: false,
    },
    now,
  );
}

/** The guidance passages for a judgement, at most three, most relevant first. */
export async function findGuidance(
  ctx: GuidanceContext,
  judgement: Judgement,
  weighed: string | null,
  now: string,
): Promise<Evidence[]> {
  const typology = judgement.topTypology ?? weighed;
  const found: Evidence[] = [];
  if (typology) {
    const cleared = judgement.decision === "not_fraud";
    const query = cleared
      ? `${typology.replace("_", " ")} ruling out innocent explanations counter-evidence`
      : `${typology.replace("_", " ")} ${judgement.findings.map((f) => f.basis).join(" ")}`;
    const hits = await hybridSearch(ctx.corpus, ctx.embedder, query, {
      kind: "kb",
      topics: [typology],
      limit: cleared ? 1 : 2,
    });
    found.push(...hits.map((h) => kbEvidence(h, query, now)));
  }
  const policyQuery = `${judgement.action.replace("_", " ")} ${judgement.decision.replace("_", " ")} ${ACTION_WORDS[judgement.action] ?? ""}`;
  const policy = await hybridSearch(ctx.corpus, ctx.embedder, policyQuery, {
    kind: "kb",
    topics: ["policy"],
    limit: 1,
  });
  found.push(...policy.map((h) => kbEvidence(h, policyQuery, now)));
  return found;
}
