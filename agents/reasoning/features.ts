// An indicator reading as the reasoner's features (domain/weights.ts): its level (what
// the value means in absolute terms) and its standing among the category's sellers
// (tail, far). The standing is what transfers to a marketplace whose scales differ
// from the one the weights were fitted on: "beyond the 99th percentile of its
// category" means the same everywhere. Every feature is a monotone function of the
// value and the category's baseline, so a counterfactual value can be scored exactly.
import type { Baseline, IndicatorReading } from "../../domain/indicator.js";
import type { FeatureVector } from "../../domain/weights.js";
import type { Feature, Term } from "./model.js";

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The smallest difference that means something, per unit: a floor for a category's spread. */
const MEANINGFUL: Record<IndicatorReading["unit"], number> = {
  share: 0.05,
  count: 1,
  days: 7,
  ratio: 0.25,
  flag: 1,
  per_ip: 1,
};

/** How far beyond p99 saturates "far", in spreads (p50 to p99) of the category. */
export const FAR_SPREADS = 4;

export function levelValue(feature: Feature, value: number): number {
  switch (feature.kind) {
    case "share":
      return clamp01(value);
    case "saturating":
      return clamp01(value / feature.scale);
    case "band":
      return clamp01((value - feature.from) / (feature.to - feature.from));
    case "below":
      // Graded: 1 at or under the mark, nothing at three times it, so a value just past it still counts.
      return clamp01((3 * feature.below - value) / (2 * feature.below));
  }
}

/** 0 at or below the category's p90, 1 at or beyond its p99, linear in the value between. */
export function tailValue(baseline: Baseline, value: number): number {
  if (value <= baseline.p90) return 0;
  if (value >= baseline.p99) return 1;
  return (value - baseline.p90) / (baseline.p99 - baseline.p90);
}

/** The smallest difference a value in `unit` can mean. */
export function meaningfulDifference(unit: IndicatorReading["unit"]): number {
  return MEANINGFUL[unit];
}

/** The category's spread, p50 to p99, floored by the smallest difference the unit can mean. */
export function spreadOf(baseline: Baseline, unit: IndicatorReading["unit"]): number {
  return Math.max(baseline.p99 - baseline.p50, MEANINGFUL[unit]);
}

/** How far beyond the category's p99, in spreads (spreadOf), saturating at FAR_SPREADS. */
export function farValue(
  baseline: Baseline,
  value: number,
  unit: IndicatorReading["unit"],
): number {
  return clamp01((value - baseline.p99) / (FAR_SPREADS * spreadOf(baseline, unit)));
}

/**
 * How open a term's gate is: a rate over too few events means little. Graded: closed
 * at half the minimum, fully open at the minimum.
 */
export function gateOpening(term: Term, gateValue: number | null | undefined): number {
  if (!term.gate) return 1;
  if (gateValue === null || gateValue === undefined) return 0;
  return clamp01((2 * gateValue - term.gate.min) / term.gate.min);
}

const NONE: FeatureVector = { level: 0, tail: 0, far: 0 };

/** The features of `value` for a term, given the reading's unit and baseline and its gate's value. */
export function featuresAt(
  term: Term,
  value: number | null,
  reading: Pick<IndicatorReading, "unit" | "baseline">,
  gateValue: number | null | undefined,
): FeatureVector {
  if (value === null) return NONE;
  const open = gateOpening(term, gateValue);
  if (open === 0) return NONE;
  const b = reading.baseline;
  return {
    level: open * levelValue(term.feature, value),
    tail: b ? open * tailValue(b, value) : 0,
    far: b ? open * farValue(b, value, reading.unit) : 0,
  };
}

/** The features of a term over a case's readings (none when its indicator was not read). */
export function termFeatures(
  term: Term,
  readings: ReadonlyMap<string, IndicatorReading>,
): FeatureVector {
  const reading = readings.get(term.indicator);
  if (!reading) return NONE;
  const gate = term.gate ? readings.get(term.gate.indicator)?.value : undefined;
  return featuresAt(term, reading.value, reading, gate);
}
