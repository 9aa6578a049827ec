// Fits one typology's additive model: L2-regularised logistic regression whose
// weights are pulled towards a prior (the hand-set weights) and kept on the side of
// zero their meaning fixes (a signal for the typology never counts against it, a
// counter-signal never for it). Projected gradient descent with a backtracking line
// search; the problem is convex and small (tens of weights, thousands of cases), so
// it converges in well under a second. Pure: same examples, same weights.

export interface Example {
  features: readonly number[];
  /** 1: the typology was planted (or confirmed by an analyst); 0: it was not. */
  label: 0 | 1;
}

export interface FitProblem {
  examples: readonly Example[];
  /** Where the weights are pulled to (and start from); the bias starts at `priorBias`, unpulled. */
  prior: readonly number[];
  priorBias: number;
  /** Per weight: +1 never below zero, -1 never above, 0 free. */
  signs: readonly (1 | -1 | 0)[];
  /** Strength of the pull towards the prior, per case (the loss is a mean). */
  l2: number;
  maxIterations?: number;
  tolerance?: number;
}

export interface FitResult {
  weights: number[];
  bias: number;
  /** Mean log loss on the examples (without the penalty). */
  logLoss: number;
  iterations: number;
  converged: boolean;
}

const softplus = (z: number) => (z > 30 ? z : z < -30 ? Math.exp(z) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function project(weights: number[], signs: readonly (1 | -1 | 0)[]): void {
  for (let j = 0; j < weights.length; j++) {
    const s = signs[j] ?? 0;
    if (s > 0 && (weights[j] as number) < 0) weights[j] = 0;
    if (s < 0 && (weights[j] as number) > 0) weights[j] = 0;
  }
}

function meanLogLoss(examples: readonly Example[], w: readonly number[], b: number): number {
  let loss = 0;
  for (const e of examples) {
    let z = b;
    for (let j = 0; j < w.length; j++) z += (w[j] as number) * (e.features[j] as number);
    loss += softplus(z) - e.label * z;
  }
  return examples.length ? loss / examples.length : 0;
}

function objective(p: FitProblem, w: readonly number[], b: number): number {
  let penalty = 0;
  for (let j = 0; j < w.length; j++) penalty += ((w[j] as number) - (p.prior[j] as number)) ** 2;
  return meanLogLoss(p.examples, w, b) + (p.l2 / 2) * penalty;
}

function gradient(p: FitProblem, w: readonly number[], b: number): { gw: number[]; gb: number } {
  const n = Math.max(1, p.examples.length);
  const gw = w.map((wj, j) => p.l2 * (wj - (p.prior[j] as number)));
  let gb = 0;
  for (const e of p.examples) {
    let z = b;
    for (let j = 0; j < w.length; j++) z += (w[j] as number) * (e.features[j] as number);
    const r = (sigmoid(z) - e.label) / n;
    gb += r;
    for (let j = 0; j < w.length; j++) gw[j] = (gw[j] as number) + r * (e.features[j] as number);
  }
  return { gw, gb };
}

export function fitLogistic(p: FitProblem): FitResult {
  const dims = p.prior.length;
  if (p.signs.length !== dims) throw new Error("fitLogistic: one sign per weight");
  for (const e of p.examples)
    if (e.features.length !== dims) throw new Error("fitLogistic: one feature per weight");
  const maxIterations = p.maxIterations ?? 5_000;
  const tolerance = p.tolerance ?? 1e-9;
  let w = [...p.prior];
  project(w, p.signs);
  let b = p.priorBias;
  let current = objective(p, w, b);
  let step = 1;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const { gw, gb } = gradient(p, w, b);
    // Backtracking on the projected step: shrink until the objective falls enough.
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      const nw = w.map((wj, j) => wj - step * (gw[j] as number));
      project(nw, p.signs);
      const nb = b - step * gb;
      let decrease = (b - nb) * gb;
      for (let j = 0; j < dims; j++)
        decrease += ((w[j] as number) - (nw[j] as number)) * (gw[j] as number);
      let moved = (nb - b) ** 2;
      for (let j = 0; j < dims; j++) moved += ((nw[j] as number) - (w[j] as number)) ** 2;
      const next = objective(p, nw, nb);
      if (next <= current - 0.5 * Math.min(decrease, moved / step) || moved < 1e-24) {
        const improvement = current - next;
        w = nw;
        b = nb;
        current = next;
        accepted = true;
        step = Math.min(step * 2, 1e4);
        if (improvement < tolerance && moved < tolerance) converged = true;
        break;
      }
      step /= 2;
    }
    if (!accepted || converged) {
      converged = true;
      break;
    }
  }
  return { weights: w, bias: b, logLoss: meanLogLoss(p.examples, w, b), iterations, converged };
}
