// Evaluation metrics over labelled verdicts: confusion matrix, per-typology
// precision/recall/F1 and their macro average, calibration of the risk score
// (Brier score, expected calibration error) and latency percentiles. Pure.
import type { Typology } from "../../domain/typology.js";
import { TYPOLOGY_NAMES as TYPOLOGIES } from "../../domain/vocabulary.js";

export type Label = Typology | "none";
export const LABELS: readonly Label[] = [...TYPOLOGIES, "none"];

export interface Outcome {
  truth: Label;
  predicted: Label;
  /** The verdict's risk score: the probability that the subject is fraudulent. */
  risk: number;
  ms: number;
}

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalMetrics {
  cases: number;
  confusion: Record<Label, Record<Label, number>>;
  perTypology: Record<Typology, ClassScore>;
  macroF1: number;
  brier: number;
  ece: number;
  latency: { p50: number; p95: number; max: number };
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function score(outcomes: readonly Outcome[], label: Label): ClassScore {
  const tp = outcomes.filter((o) => o.truth === label && o.predicted === label).length;
  const predicted = outcomes.filter((o) => o.predicted === label).length;
  const support = outcomes.filter((o) => o.truth === label).length;
  const precision = predicted ? tp / predicted : support ? 0 : 1;
  const recall = support ? tp / support : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support };
}

/** Expected calibration error over `bins` equal-width bins of the risk score. */
export function expectedCalibrationError(outcomes: readonly Outcome[], bins = 10): number {
  let total = 0;
  for (let b = 0; b < bins; b++) {
    const inBin = outcomes.filter((o) => Math.min(bins - 1, Math.floor(o.risk * bins)) === b);
    if (!inBin.length) continue;
    const confidence = inBin.reduce((s, o) => s + o.risk, 0) / inBin.length;
    const accuracy = inBin.filter((o) => o.truth !== "none").length / inBin.length;
    total += (inBin.length / outcomes.length) * Math.abs(confidence - accuracy);
  }
  return total;
}

export function evaluate(outcomes: readonly Outcome[]): EvalMetrics {
  const confusion = Object.fromEntries(
    LABELS.map((t) => [t, Object.fromEntries(LABELS.map((p) => [p, 0]))]),
  ) as EvalMetrics["confusion"];
  for (const o of outcomes) confusion[o.truth][o.predicted]++;
  const perTypology = Object.fromEntries(TYPOLOGIES.map((t) => [t, score(outcomes, t)])) as Record<
    Typology,
    ClassScore
  >;
  const macroF1 = TYPOLOGIES.reduce((s, t) => s + perTypology[t].f1, 0) / TYPOLOGIES.length;
  const brier = outcomes.length
    ? outcomes.reduce((s, o) => s + (o.risk - (o.truth === "none" ? 0 : 1)) ** 2, 0) /
      outcomes.length
    : 0;
  const ms = outcomes.map((o) => o.ms);
  return {
    cases: outcomes.length,
    confusion,
    perTypology,
    macroF1,
    brier,
    ece: expectedCalibrationError(outcomes),
    latency: { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(0, ...ms) },
  };
}
