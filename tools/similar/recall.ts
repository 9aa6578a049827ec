// Recall of an approximate top-k against the exact one. Many sellers share one
// profile (quiet shops get identical percentiles), so which of several equally
// near sellers fill the last places is arbitrary: a returned neighbour counts as
// found when it is no farther than the exact k-th neighbour.

export interface Ranked {
  sellerId: string;
  distance: number;
}

/** Share of the exact top-k the approximate answer matched (1 when exact is empty). */
export function recallAtK(
  approximate: readonly Ranked[],
  exact: readonly Ranked[],
  k: number,
  epsilon = 1e-6,
): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const kth = (truth[truth.length - 1] as Ranked).distance;
  const found = approximate.slice(0, k).filter((n) => n.distance <= kth + epsilon).length;
  return Math.min(found, truth.length) / truth.length;
}
