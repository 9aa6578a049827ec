// Scores every typology with its additive log-odds model over the indicator
// readings:
//
//   log-odds = bias + Σ over indicators Σ over features  weight × feature
//
// One contribution per indicator (the sum of its features' terms), so the
// contributions and the bias add up exactly to the log-odds. Pure: same readings,
// same weights, same scores.
import type { IndicatorReading } from "../../domain/indicator.js";
import type { TypologyAssessment } from "../../domain/verdict.js";
import {
  FEATURE_NAMES,
  type FeatureVector,
  type ModelWeights,
  type TermWeights,
} from "../../domain/weights.js";
import { termFeatures } from "./features.js";
import { MODELS } from "./model.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** One indicator's contribution: its features weighted. */
export function contributionOf(weights: TermWeights, features: FeatureVector): number {
  let sum = 0;
  for (const name of FEATURE_NAMES) sum += weights[name] * features[name];
  return round(sum);
}

export function scoreTypologies(
  readings: readonly IndicatorReading[],
  weights: ModelWeights,
): TypologyAssessment[] {
  const byId = new Map(readings.map((r) => [r.indicator, r]));
  return MODELS.map((model) => {
    const typologyWeights = weights.typologies[model.typology];
    const contributions = model.terms.flatMap((term, i) => {
      const reading = byId.get(term.indicator);
      if (!reading || reading.value === null) return [];
      const termWeights = typologyWeights.terms[i] as TermWeights;
      return [
        {
          indicator: term.indicator,
          value: reading.value,
          log_odds: contributionOf(termWeights, termFeatures(term, byId)),
          evidence_id: reading.evidence_id,
        },
      ];
    });
    const bias = typologyWeights.bias;
    const logOdds = round(bias + contributions.reduce((sum, c) => sum + c.log_odds, 0));
    return {
      typology: model.typology,
      bias,
      log_odds: logOdds,
      probability: sigmoid(logOdds),
      contributions,
    };
  });
}
