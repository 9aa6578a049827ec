// How well predicted probabilities match what happened: Brier score, log loss,
// expected calibration error and a reliability table (per bin: how many cases, the
// mean prediction, the share that were positive). Pure.

export interface Scored {
  p: number;
  label: 0 | 1;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  cases: number;
  meanPredicted: number;
  observed: number;
}

export function brierScore(scored: readonly Scored[]): number | null {
  if (scored.length === 0) return null;
  return scored.reduce((s, x) => s + (x.p - x.label) ** 2, 0) / scored.length;
}

export function logLoss(scored: readonly Scored[]): number | null {
  if (scored.length === 0) return null;
  const eps = 1e-12;
  return (
    scored.reduce(
      (s, x) => s - (x.label ? Math.log(Math.max(eps, x.p)) : Math.log(Math.max(eps, 1 - x.p))),
      0,
    ) / scored.length
  );
}

export function reliabilityTable(scored: readonly Scored[], bins = 10): ReliabilityBin[] {
  const table: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const inBin = scored.filter((x) => Math.min(bins - 1, Math.floor(x.p * bins)) === b);
    table.push({
      from: b / bins,
      to: (b + 1) / bins,
      cases: inBin.length,
      meanPredicted: inBin.length ? inBin.reduce((s, x) => s + x.p, 0) / inBin.length : 0,
      observed: inBin.length ? inBin.filter((x) => x.label === 1).length / inBin.length : 0,
    });
  }
  return table;
}

/** Expected calibration error: the case-weighted gap between predicted and observed per bin. */
export function calibrationError(scored: readonly Scored[], bins = 10): number | null {
  if (scored.length === 0) return null;
  return reliabilityTable(scored, bins).reduce(
    (s, bin) => s + (bin.cases / scored.length) * Math.abs(bin.meanPredicted - bin.observed),
    0,
  );
}
