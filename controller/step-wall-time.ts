// How long each graph step held up the run: the length of the union of its tasks'
// spans, so tasks that ran at once count once. (The summed timings count each task.)

export type Span = [start: number, end: number];

/** The total length of a set of intervals, overlaps counted once. */
export function coveredMs(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [start, end] of sorted) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/** Wall-clock milliseconds per step, rounded to a tenth. */
export function wallTimePerStep(spans: Record<string, readonly Span[]>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(spans).map(([step, list]) => [step, Math.round(coveredMs(list) * 10) / 10]),
  );
}
