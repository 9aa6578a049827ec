// Cases that belong together: the case store's cases of sellers in this seller's
// neighbourhood, each with how far out its seller is and through which kinds of
// attribute it is linked, citing the link evidence that shows it. Pure.
import { Decision, type RelatedCase } from "../../domain/verdict.js";
import type { Neighbourhood, RelatedCaseRow } from "../../tools/links/index.js";

export function relatedCases(
  n: Neighbourhood,
  rows: readonly RelatedCaseRow[],
  evidenceId: string,
): RelatedCase[] {
  const hopOf = new Map(n.nodes.map((x) => [x.sellerId, x.hop]));
  const viaOf = (sellerId: string) =>
    [
      ...new Set(
        n.edges
          .filter((e) => e.a === sellerId || e.b === sellerId)
          .flatMap((e) => [...e.via.map((v) => v.kind), ...(e.buyers ? ["buyers"] : [])]),
      ),
    ].sort();
  return rows.flatMap((row) => {
    const hop = hopOf.get(row.seller_id);
    if (hop === undefined || hop < 1) return [];
    const decision = Decision.safeParse(row.decision);
    return [
      {
        case_id: row.case_id,
        seller_id: row.seller_id,
        status: row.status,
        decision: decision.success ? decision.data : null,
        hop,
        via: viaOf(row.seller_id),
        evidence_id: evidenceId,
      },
    ];
  });
}
