// The sellers whose risk profile looks most like this one (tools/similar), as
// evidence of kind `link`: who they are, how near (L2 over the indicator
// percentiles of a baseline snapshot) and how their own cases were decided, with
// the two statements that found them. Context for the analyst and the reflection
// only: a look-alike shares nothing with the seller, so no reading cites it and it
// moves no score. Pure.
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { SimilarSellersAnswer } from "../../tools/similar/index.js";

/** Past cases shown per neighbour (newest first); the evidence stays bounded. */
export const MAX_VERDICTS_SHOWN = 3;

function decisions(answer: SimilarSellersAnswer["neighbours"][number]): string {
  if (answer.verdicts.length === 0) return "no decided case";
  return answer.verdicts
    .slice(0, MAX_VERDICTS_SHOWN)
    .map((v) => (v.overriddenTo ? `${v.decision}, overridden to ${v.overriddenTo}` : v.decision))
    .join("; ");
}

export function similarEvidence(answer: SimilarSellersAnswer, at: string): Evidence {
  const decided = answer.neighbours.filter((n) => n.verdicts.length > 0);
  const fraud = decided.filter((n) =>
    n.verdicts.some((v) => (v.overriddenTo ?? v.decision) === "fraud"),
  );
  const { neighbours, verdicts } = answer.queries;
  return makeEvidence(
    {
      kind: "link",
      source: {
        locator: `-- nearest seller profiles\n${neighbours.sql.trim()};\n\n-- their decided cases\n${verdicts.sql.trim()}`,
        params: [neighbours.params, verdicts.params],
        via: "similar_sellers",
      },
      summary:
        `${answer.neighbours.length} seller(s) whose risk profile looks most like ${answer.sellerId}'s ` +
        `(snapshot ${answer.snapshot.id}, as of ${answer.snapshot.asOf}; a look-alike shares nothing with it): ` +
        `${decided.length} with decided cases, ${fraud.length} of them decided fraud. ` +
        answer.neighbours
          .slice(0, 5)
          .map((n) => `${n.sellerId} (${n.distance.toFixed(2)}: ${decisions(n)})`)
          .join(", "),
      data: {
        snapshot: answer.snapshot,
        method: answer.method,
        k: answer.k,
        settings: neighbours.settings ?? {},
        neighbours: answer.neighbours.map((n) => ({
          seller_id: n.sellerId,
          category: n.category,
          distance: Number(n.distance.toFixed(6)),
          verdicts: n.verdicts.slice(0, MAX_VERDICTS_SHOWN).map((v) => ({
            case_id: v.caseId,
            decision: v.decision,
            overridden_to: v.overriddenTo,
            verdict_hash: v.verdictHash,
          })),
        })),
      },
      untrusted: false,
    },
    at,
  );
}
