// Trains the offline reasoner's weights from labelled cases: per typology, its terms'
// features (features.ts) against whether the typology is the case's truth, fitted
// towards the hand-set prior with each term's direction kept (fit.ts). Returns a
// weights file with its provenance and its metrics on the training cases and on
// held-out ones. Pure: the cases come from worlds or analysts' reviews (cli/train).
import type { IndicatorReading } from "../../domain/indicator.js";
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import {
  FEATURE_NAMES,
  type FitMetrics,
  type ModelWeights,
  type TypologyWeights,
} from "../../domain/weights.js";
import { brierScore, calibrationError, logLoss, type Scored } from "./calibration.js";
import { termFeatures } from "./features.js";
import { fitLogistic } from "./fit.js";
import { MODELS, type TypologyModel } from "./model.js";
import { scoreTypologies } from "./score.js";
import { priorWeights, weightsVersion } from "./weights.js";

export interface LabelledCase {
  readings: readonly IndicatorReading[];
  /** The typology the case truly is, or "none". */
  truth: Typology | "none";
}

export interface TrainOptions {
  /** Pull towards the prior (per case); larger keeps the hand-set weights. */
  l2: number;
  provenance: Omit<ModelWeights["provenance"], "settings" | "cases">;
  trainedAt: string;
}

/** A case's features for one typology's model, flattened term by term. */
export function designRow(model: TypologyModel, readings: readonly IndicatorReading[]): number[] {
  const byId = new Map(readings.map((r) => [r.indicator, r]));
  return model.terms.flatMap((term) => {
    const f = termFeatures(term, byId);
    return FEATURE_NAMES.map((name) => f[name]);
  });
}

function fitTypology(model: TypologyModel, cases: readonly LabelledCase[], l2: number) {
  const prior = priorWeights().typologies[model.typology];
  const flatPrior = prior.terms.flatMap((t) => FEATURE_NAMES.map((name) => t[name]));
  const signs = model.terms.flatMap((t) =>
    FEATURE_NAMES.map(() => (t.weight > 0 ? 1 : t.weight < 0 ? -1 : 0) as 1 | -1 | 0),
  );
  const examples = cases.map((c) => ({
    features: designRow(model, c.readings),
    label: (c.truth === model.typology ? 1 : 0) as 0 | 1,
  }));
  const fit = fitLogistic({ examples, prior: flatPrior, priorBias: prior.bias, signs, l2 });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const weights: TypologyWeights = {
    bias: round(fit.bias),
    terms: model.terms.map((term, i) => ({
      indicator: term.indicator,
      level: round(fit.weights[i * 3] as number),
      tail: round(fit.weights[i * 3 + 1] as number),
      far: round(fit.weights[i * 3 + 2] as number),
    })),
  };
  return { weights, converged: fit.converged, iterations: fit.iterations };
}

/** Each typology's probability against its truth, over the cases. */
export function typologyMetrics(
  weights: ModelWeights,
  cases: readonly LabelledCase[],
): Record<string, FitMetrics> {
  const scored = new Map<Typology, Scored[]>(TYPOLOGIES.map((t) => [t, []]));
  for (const c of cases)
    for (const a of scoreTypologies(c.readings, weights))
      scored.get(a.typology)?.push({ p: a.probability, label: c.truth === a.typology ? 1 : 0 });
  return Object.fromEntries(
    TYPOLOGIES.map((t) => {
      const s = scored.get(t) ?? [];
      return [
        t,
        {
          cases: s.length,
          positives: s.filter((x) => x.label === 1).length,
          brier: brierScore(s),
          ece: calibrationError(s),
          log_loss: logLoss(s),
        },
      ];
    }),
  );
}

export function trainWeights(
  train: readonly LabelledCase[],
  holdout: readonly LabelledCase[],
  options: TrainOptions,
): ModelWeights {
  const fitted = MODELS.map((m) => ({
    typology: m.typology,
    ...fitTypology(m, train, options.l2),
  }));
  const typologies = Object.fromEntries(fitted.map((f) => [f.typology, f.weights])) as Record<
    Typology,
    TypologyWeights
  >;
  const unfinished = fitted.filter((f) => !f.converged).map((f) => f.typology);
  const weights: ModelWeights = {
    format: "casehound.weights/1",
    version: weightsVersion(typologies),
    origin: "trained",
    trained_at: options.trainedAt,
    provenance: {
      ...options.provenance,
      cases: train.length,
      settings: {
        l2: options.l2,
        method: "logistic regression, L2 towards the hand-set prior, signs fixed by the prior",
        ...(unfinished.length ? { not_converged: unfinished.join(",") } : {}),
      },
    },
    metrics: { train: {}, holdout: {} },
    typologies,
  };
  weights.metrics = {
    train: typologyMetrics(weights, train),
    holdout: typologyMetrics(weights, holdout),
  };
  return weights;
}
