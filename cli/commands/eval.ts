// `casehound eval`: seeds labelled demo worlds into fresh embedded databases,
// investigates every escalated subject and a sample of unflagged sellers, and prints
// how the verdicts compare with the ground truth. With --train-seeds it first trains
// the reasoner's weights on other worlds, so the figures are on worlds the weights
// never saw. The engine's modules load once the arguments are parsed.
import { type Command, InvalidArgumentError, Option } from "commander";
import { AppError } from "../../domain/errors.js";
import { TYPOLOGY_NAMES as TYPOLOGIES } from "../../domain/vocabulary.js";
import type { VariantMode } from "../../world/modes.js";
import type { WorldSizeName } from "../../world/sizes.js";
import { parseSeed } from "../arguments.js";
import { context } from "../context.js";
import { LABELS } from "../eval/metrics.js";
import { table } from "../format.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";
import { seedList, TRAIN_DEFAULTS, variantList } from "../train/options.js";

interface EvalOptions {
  size: WorldSizeName;
  seed: number;
  testSeeds?: number[];
  trainSeeds?: number[];
  variants: VariantMode[];
  l2: number;
  sample?: number;
  json?: boolean;
  progress?: boolean;
}

function parseSample(value: string): number {
  const n = Number(value);
  if (!/^\d{1,4}$/.test(value) || n > 5000)
    throw new InvalidArgumentError("must be a whole number up to 5000.");
  return n;
}

function parseL2(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new InvalidArgumentError("must be a number from 0 to 100.");
  return n;
}

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("measure the verdicts against labelled demo worlds")
    .addOption(
      new Option("--size <size>", "world size").choices(["small", "medium"]).default("small"),
    )
    .option("--seed <n>", "world seed (one world)", parseSeed, 42)
    .option("--test-seeds <list>", "worlds to evaluate on (instead of --seed)", seedList)
    .option("--train-seeds <list>", "train the weights on these worlds first", seedList)
    .option("--variants <list>", "the generator's variant mixes", variantList, ["classic"])
    .option(
      "--l2 <x>",
      "with --train-seeds: pull towards the hand-set prior",
      parseL2,
      TRAIN_DEFAULTS.l2,
    )
    .option(
      "--sample <n>",
      "unflagged sellers to include per world (default: 40 small, 150 medium)",
      parseSample,
    )
    .option("--json", "print the metrics as JSON")
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: EvalOptions) => {
      const testSeeds = options.testSeeds ?? [options.seed];
      const overlap = (options.trainSeeds ?? []).filter((s) => testSeeds.includes(s));
      if (overlap.length)
        throw new AppError(
          "bad_argument",
          `--train-seeds and --test-seeds must differ (${overlap.join(", ")} in both)`,
        );
      const { env } = await context();
      const progress = progressReporter(options);
      const { flushTraces } = await import("../../controller/tracing.js");
      const { evalWorld } = await import("../eval/world-eval.js");
      const { summarise } = await import("../eval/summary.js");
      const worlds = (seeds: number[]) =>
        seeds.flatMap((seed) =>
          options.variants.map((variants) => ({ seed, size: options.size, variants })),
        );
      try {
        let weights: import("../../domain/weights.js").ModelWeights | undefined;
        if (options.trainSeeds) {
          const { runTraining } = await import("../train/run-training.js");
          const trained = await runTraining({
            train: worlds(options.trainSeeds),
            holdout: [],
            sample: TRAIN_DEFAULTS.sample,
            l2: options.l2,
            reviews: [],
            now: () => new Date(),
            progress,
          });
          weights = trained.weights;
        } else if (env.CASEHOUND_WEIGHTS_FILE) {
          const { readWeightsFile } = await import("../../agents/reasoning/weights.js");
          weights = readWeightsFile(env.CASEHOUND_WEIGHTS_FILE);
        }
        const sample = options.sample ?? (options.size === "small" ? 40 : 150);
        const runs = [];
        for (const world of worlds(testSeeds))
          runs.push({
            seed: world.seed,
            variants: world.variants,
            run: await evalWorld(world, {
              sample,
              env,
              progress,
              ...(weights ? { weights } : {}),
            }),
          });
        const summary = summarise(runs);
        const { shippedWeights } = await import("../../agents/reasoning/weights.js");
        const version = (weights ?? shippedWeights()).version;
        if (options.json) {
          console.log(
            JSON.stringify(
              {
                size: options.size,
                testSeeds,
                trainSeeds: options.trainSeeds ?? null,
                variants: options.variants,
                weights: version,
                ...summary,
                cases: runs.flatMap((r) => r.run.escalated),
              },
              null,
              2,
            ),
          );
          return;
        }
        printSummary(summary, {
          version,
          trained: options.trainSeeds ?? null,
          size: options.size,
          sample,
        });
      } finally {
        // With LangSmith tracing on, the last cases' traces are still on their way.
        await flushTraces();
      }
    });
}

function printSummary(
  s: import("../eval/summary.js").EvalSummary,
  how: { version: string; trained: number[] | null; size: string; sample: number },
): void {
  const { metrics } = s;
  console.log(
    `\n${metrics.cases} escalated cases over ${s.perWorld.length} ${how.size} world(s) (${how.sample} unflagged sellers each); weights ${how.version}${how.trained ? `, trained on seeds ${how.trained.join(", ")}` : ""}`,
  );
  for (const w of s.perWorld)
    console.log(
      `  seed ${w.seed} (${w.variants}): ${w.cases} cases, macro-F1 ${w.macroF1.toFixed(3)}`,
    );
  console.log("positive = a fraud or suspicious verdict naming the typology\n");
  console.log(
    table(
      ["truth \\ predicted", ...LABELS],
      LABELS.map((t) => [t, ...LABELS.map((p) => metrics.confusion[t][p])]),
    ),
  );
  console.log();
  console.log(
    table(
      ["typology", "precision", "recall", "F1", "support"],
      TYPOLOGIES.map((t) => {
        const c = metrics.perTypology[t];
        return [t, c.precision.toFixed(3), c.recall.toFixed(3), c.f1.toFixed(3), c.support];
      }),
    ),
  );
  console.log();
  console.log(
    table(
      ["planted variant", "found", "of"],
      s.recall.map((r) => [r.variant, r.found, r.total]),
    ),
  );
  console.log(
    `\nmacro-F1 ${metrics.macroF1.toFixed(3)} · Brier ${metrics.brier.toFixed(4)} · ECE ${metrics.ece.toFixed(4)}`,
  );
  console.log(
    `hard negatives: ${s.hardNegatives}, of which fraud verdicts: ${s.hardNegativeFraud}`,
  );
  console.log(
    `planted cases cleared (not_fraud) without human review: ${s.clearedWithoutReview.length}`,
  );
  console.log(
    `collusion ring partners (not escalated) found when investigated directly: ${s.ring.found} of ${s.ring.total}`,
  );
  console.log(
    `latency per case: p50 ${metrics.latency.p50.toFixed(0)} ms, p95 ${metrics.latency.p95.toFixed(0)} ms (PGlite, baselines warm)`,
  );
  if (s.missed.length)
    console.log(
      `\nmisclassified: ${s.missed.map((c) => `${c.sellerId} (${c.kind}${c.intensity ? `/${c.intensity}` : ""}${c.variant ? `/${c.variant}` : ""} → ${c.decision} ${c.predicted})`).join(", ")}`,
    );
}
