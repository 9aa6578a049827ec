// Which clusters got decisions a risk team would not let stand side by side, and
// which of their members go back for another look.
//
// Inconsistent: at least one member decided `fraud` and at least one `not_fraud`.
// Sellers bound by rare shared devices, IPs or payout accounts are seldom one
// fraudster and one clean shop; either the clean verdict missed the ring or the
// fraud verdict over-reached. `suspicious` and `insufficient_evidence` already say
// "not settled", so beside either of them nothing contradicts.
//
// Re-investigated: the members cleared (`not_fraud`) or left undecided
// (`insufficient_evidence`) beside a fraud partner — the ring is evidence their own
// runs did not see. The `fraud` members stand on their own evidence and are not
// re-run. Members without a decision are left out (not in this batch). Pure.
import { AppError } from "../../domain/errors.js";
import { Decision } from "../../domain/verdict.js";
import type { SellerCluster } from "./types.js";

export interface InconsistentCluster {
  cluster: SellerCluster;
  /** Each member's decision, for members that have one. */
  decisions: Record<string, Decision>;
  /** Members to investigate again with the cluster as context, sorted. */
  reinvestigate: string[];
  /** One line for the batch results. */
  reason: string;
}

function checkDecisions(decisions: Map<string, Decision>): void {
  if (!(decisions instanceof Map))
    throw new AppError("bad_argument", "decisions must be a Map from seller id to decision");
  for (const [seller, decision] of decisions)
    if (!Decision.safeParse(decision).success)
      throw new AppError(
        "bad_argument",
        `seller ${String(seller).slice(0, 80)} has no valid decision: ${String(decision).slice(0, 40)}`,
      );
}

export function inconsistentClusters(
  clusters: readonly SellerCluster[],
  decisions: Map<string, Decision>,
): InconsistentCluster[] {
  if (!Array.isArray(clusters)) throw new AppError("bad_argument", "clusters must be an array");
  checkDecisions(decisions);
  const flagged: InconsistentCluster[] = [];
  for (const cluster of clusters) {
    const decided: Record<string, Decision> = {};
    for (const member of cluster.members) {
      const decision = decisions.get(member);
      if (decision) decided[member] = decision;
    }
    const with_ = (d: Decision) => Object.keys(decided).filter((m) => decided[m] === d);
    const fraud = with_("fraud");
    const cleared = with_("not_fraud");
    if (fraud.length === 0 || cleared.length === 0) continue;
    const reinvestigate = [...cleared, ...with_("insufficient_evidence")].sort();
    flagged.push({
      cluster,
      decisions: decided,
      reinvestigate,
      reason: `${cluster.id}: ${fraud.length} member(s) decided fraud (${fraud.join(", ")}) beside ${cleared.length} decided not_fraud (${cleared.join(", ")}), bound by ${cluster.bindings.length} shared attribute(s)`,
    });
  }
  return flagged;
}
