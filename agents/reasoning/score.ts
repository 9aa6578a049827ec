// Scores every typology with its additive log-odds model over the indicator
// readings. Pure: same readings, same scores.
import type { IndicatorReading } from "../../domain/indicator.js";
import type { TypologyAssessment } from "../../domain/verdict.js";
import { featureValue, MODELS } from "./model.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function scoreTypologies(readings: readonly IndicatorReading[]): TypologyAssessment[] {
  const byId = new Map(readings.map((r) => [r.indicator, r]));
  return MODELS.map((model) => {
    const contributions = model.terms.flatMap((term) => {
      const reading = byId.get(term.indicator);
      if (!reading || reading.value === null) return [];
      const gate = term.gate ? byId.get(term.gate.indicator)?.value : undefined;
      const open = !term.gate || (gate !== undefined && gate !== null && gate >= term.gate.min);
      const logOdds = open ? round(term.weight * featureValue(term.feature, reading.value)) : 0;
      return [
        {
          indicator: term.indicator,
          value: reading.value,
          log_odds: logOdds,
          evidence_id: reading.evidence_id,
        },
      ];
    });
    const logOdds = round(model.bias + contributions.reduce((sum, c) => sum + c.log_odds, 0));
    return {
      typology: model.typology,
      bias: model.bias,
      log_odds: logOdds,
      probability: sigmoid(logOdds),
      contributions,
    };
  });
}
