// How a category baseline summarises a distribution: 101 percentiles, and where a
// value falls among them.

/** The 0th..100th percentiles of sorted values (linear interpolation). */
export function percentiles(sorted: readonly number[]): number[] {
  return Array.from({ length: 101 }, (_, i) => {
    const position = ((sorted.length - 1) * i) / 100;
    const lo = Math.floor(position);
    const hi = Math.ceil(position);
    return (
      (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (position - lo)
    );
  });
}

/** Approximate share of the population below `value` (ties count half). */
export function percentileRank(quantiles: readonly number[], value: number): number {
  let below = 0;
  let equal = 0;
  for (const q of quantiles) {
    if (q < value) below++;
    else if (q === value) equal++;
  }
  return (below + equal / 2) / quantiles.length;
}
