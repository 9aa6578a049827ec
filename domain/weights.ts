// The offline reasoner's weights: per typology, a bias and, per indicator, one weight
// for each of its features (what its value means in absolute terms, and where it
// stands among comparable sellers). Written by `casehound train` with where it came
// from (worlds, seeds, reviews) and how well it did on worlds it never saw; every
// verdict names the version it was decided with.
import { z } from "zod";
import { Typology } from "./typology.js";

/**
 * An indicator's features, each in [0, 1]:
 *  - level: its value's meaning in absolute terms (a share as is, a count saturating, a band);
 *  - tail:  its standing among the category's sellers: 0 at or below their 90th
 *           percentile, 1 at or beyond their 99th, linear in the value between;
 *  - far:   how far beyond the 99th percentile, in spreads of the category (p50 to p99),
 *           saturating at four spreads.
 */
export const FEATURE_NAMES = ["level", "tail", "far"] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

export const TermWeights = z.object({
  indicator: z.string().min(1),
  level: z.number().finite(),
  tail: z.number().finite(),
  far: z.number().finite(),
});
export type TermWeights = z.infer<typeof TermWeights>;

export const TypologyWeights = z.object({
  bias: z.number().finite(),
  terms: z.array(TermWeights),
});
export type TypologyWeights = z.infer<typeof TypologyWeights>;

/** How well a typology's model did on labelled cases: Brier score, ECE, counts. */
export const FitMetrics = z.object({
  cases: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  brier: z.number().nullable(),
  ece: z.number().nullable(),
  log_loss: z.number().nullable(),
});
export type FitMetrics = z.infer<typeof FitMetrics>;

export const WorldRef = z.object({
  seed: z.number().int(),
  size: z.string(),
  variants: z.string(),
});

export const ModelWeights = z.object({
  format: z.literal("casehound.weights/1"),
  /** Content-derived: the same weights always carry the same version. */
  version: z.string().min(1),
  /** "prior" (hand-set, agents/reasoning/model.ts) or "trained". */
  origin: z.enum(["prior", "trained"]),
  trained_at: z.string().nullable(),
  provenance: z.object({
    train_worlds: z.array(WorldRef),
    holdout_worlds: z.array(WorldRef),
    /** Labelled cases from analysts' reviews (an override is a label). */
    reviews: z.number().int().nonnegative(),
    cases: z.number().int().nonnegative(),
    /** Regularisation strength towards the hand-set prior, and the other fit settings. */
    settings: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  }),
  metrics: z.object({
    train: z.record(z.string(), FitMetrics),
    holdout: z.record(z.string(), FitMetrics),
  }),
  typologies: z.record(Typology, TypologyWeights),
});
export type ModelWeights = z.infer<typeof ModelWeights>;
