// What an evaluation over one or more worlds says: the metrics over every escalated
// case, recall per planted variant, the hard negatives called fraud, the planted
// cases cleared without a human, and the ring partners found. Pure.

import { type EvalMetrics, evaluate } from "./metrics.js";
import type { EvalCase, EvalRun } from "./run.js";

/** Subjects that are honest by construction but built to look like fraud. */
export const isHardNegative = (c: EvalCase) =>
  c.truth === "none" && c.kind !== "ordinary" && c.kind !== "unflagged";

export interface VariantRecall {
  variant: string;
  found: number;
  total: number;
}

export interface EvalSummary {
  metrics: EvalMetrics;
  perWorld: { seed: number; variants: string; macroF1: number; cases: number }[];
  recall: VariantRecall[];
  hardNegatives: number;
  hardNegativeFraud: number;
  /** Planted cases decided not_fraud with no human review: the worst kind of error. */
  clearedWithoutReview: EvalCase[];
  ring: { found: number; total: number };
  missed: EvalCase[];
}

function variantOf(c: EvalCase): string {
  return [c.kind, c.intensity, c.variant].filter((x) => x !== null && x !== "").join("/");
}

export function summarise(
  runs: readonly { seed: number; variants: string; run: EvalRun }[],
): EvalSummary {
  const escalated = runs.flatMap((r) => r.run.escalated);
  const ringMembers = runs.flatMap((r) => r.run.ringMembers);
  const groups = new Map<string, VariantRecall>();
  for (const c of escalated.filter((x) => x.truth !== "none")) {
    const key = variantOf(c);
    const g = groups.get(key) ?? { variant: key, found: 0, total: 0 };
    g.total++;
    if (c.predicted === c.truth) g.found++;
    groups.set(key, g);
  }
  const hard = escalated.filter(isHardNegative);
  return {
    metrics: evaluate(escalated),
    perWorld: runs.map((r) => ({
      seed: r.seed,
      variants: r.variants,
      macroF1: evaluate(r.run.escalated).macroF1,
      cases: r.run.escalated.length,
    })),
    recall: [...groups.values()].sort((a, b) => a.variant.localeCompare(b.variant)),
    hardNegatives: hard.length,
    hardNegativeFraud: hard.filter((c) => c.decision === "fraud").length,
    clearedWithoutReview: escalated.filter(
      (c) => c.truth !== "none" && c.decision === "not_fraud" && !c.needsReview,
    ),
    ring: {
      found: ringMembers.filter((c) => c.predicted === "collusion").length,
      total: ringMembers.length,
    },
    missed: escalated.filter((c) => c.truth !== c.predicted),
  };
}
