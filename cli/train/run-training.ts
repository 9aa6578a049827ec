// `casehound train` without the command line: reads labelled cases from generated
// worlds (and, when asked, analysts' reviews), fits the weights, and scores the
// hand-set prior and the trained weights on held-out worlds the fit never saw.
import { type LabelledCase, trainWeights, typologyMetrics } from "../../agents/reasoning/train.js";
import { priorWeights } from "../../agents/reasoning/weights.js";
import type { FitMetrics, ModelWeights } from "../../domain/weights.js";
import { labelledWorldCases, type WorldCase, type WorldSpec } from "./labelled-worlds.js";

export interface TrainingPlan {
  train: WorldSpec[];
  holdout: WorldSpec[];
  /** Unflagged sellers read per world besides the labelled ones. */
  sample: number;
  l2: number;
  /** Labelled cases from analysts' reviews (already read). */
  reviews: LabelledCase[];
  now: () => Date;
  progress: (line: string) => void;
}

export interface TrainingResult {
  weights: ModelWeights;
  /** The hand-set prior on the same held-out worlds, for comparison. */
  priorHoldout: Record<string, FitMetrics>;
  holdoutCases: WorldCase[];
}

async function readWorlds(
  worlds: readonly WorldSpec[],
  sample: number,
  progress: (line: string) => void,
  role: string,
): Promise<WorldCase[]> {
  const cases: WorldCase[] = [];
  for (const [i, world] of worlds.entries()) {
    const started = performance.now();
    progress(
      `${role} world ${i + 1} of ${worlds.length}: seeding ${world.size} seed ${world.seed} (${world.variants}) ...`,
    );
    const read = await labelledWorldCases(world, { sample });
    cases.push(...read);
    progress(
      `  ${read.length} labelled sellers read in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return cases;
}

export async function runTraining(plan: TrainingPlan): Promise<TrainingResult> {
  const train = await readWorlds(plan.train, plan.sample, plan.progress, "training");
  const holdout = await readWorlds(plan.holdout, plan.sample, plan.progress, "held-out");
  plan.progress(
    `fitting ${train.length + plan.reviews.length} cases (${plan.reviews.length} from reviews) ...`,
  );
  const weights = trainWeights([...train, ...plan.reviews], holdout, {
    l2: plan.l2,
    trainedAt: plan.now().toISOString(),
    provenance: {
      train_worlds: plan.train,
      holdout_worlds: plan.holdout,
      reviews: plan.reviews.length,
    },
  });
  return { weights, priorHoldout: typologyMetrics(priorWeights(), holdout), holdoutCases: holdout };
}
