// `casehound train`: fits the offline reasoner's weights on labelled cases from
// generated worlds (seeds, sizes, variant mixes) and, with --reviews, on analysts'
// reviews in the configured database; checks calibration on held-out worlds; writes
// a versioned weights file with its provenance. Point CASEHOUND_WEIGHTS_FILE at it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { AppError } from "../../domain/errors.js";
import { TYPOLOGY_NAMES as TYPOLOGIES } from "../../domain/vocabulary.js";
import type { VariantMode } from "../../world/modes.js";
import { context } from "../context.js";
import { table } from "../format.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";
import { seedList, TRAIN_DEFAULTS, variantList } from "../train/options.js";

interface TrainOptions {
  seeds: number[];
  holdoutSeeds: number[];
  size: "small" | "medium";
  variants: VariantMode[];
  sample: number;
  l2: number;
  reviews?: boolean;
  out?: string;
  json?: boolean;
  progress?: boolean;
}

function positive(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > max)
      throw new InvalidArgumentError(`must be a number from 0 to ${max}.`);
    return n;
  };
}

const fmt = (x: number | null) => (x === null ? "—" : x.toFixed(4));

export function registerTrainCommand(program: Command): void {
  program
    .command("train")
    .description("fit the offline reasoner's weights on labelled worlds (and reviews)")
    .option("--seeds <list>", "worlds to train on", seedList, [1, 2, 3, 4])
    .option(
      "--holdout-seeds <list>",
      "worlds to check calibration on, never trained on",
      seedList,
      [101, 102],
    )
    .addOption(
      new Option("--size <size>", "world size").choices(["small", "medium"]).default("small"),
    )
    .option("--variants <list>", "the generator's variant mixes", variantList, ["classic"])
    .option(
      "--sample <n>",
      "unflagged sellers read per world",
      positive(5000),
      TRAIN_DEFAULTS.sample,
    )
    .option("--l2 <x>", "pull towards the hand-set prior", positive(100), TRAIN_DEFAULTS.l2)
    .option("--reviews", "also learn from analysts' reviews in the configured database")
    .option("--out <file>", "where to write the weights (default: <data dir>/weights.json)")
    .option("--json", "print the weights file instead of a summary")
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: TrainOptions) => {
      const overlap = options.seeds.filter((s) => options.holdoutSeeds.includes(s));
      if (overlap.length)
        throw new AppError(
          "bad_argument",
          `--holdout-seeds must not repeat training seeds (${overlap.join(", ")})`,
        );
      const { env } = await context();
      const progress = progressReporter(options);
      const { runTraining } = await import("../train/run-training.js");
      const worlds = (seeds: number[]) =>
        seeds.flatMap((seed) =>
          options.variants.map((variants) => ({ seed, size: options.size, variants })),
        );
      let reviews: Awaited<ReturnType<typeof import("../train/review-cases.js").reviewCases>> = {
        cases: [],
        skipped: [],
      };
      if (options.reviews) {
        const { withDatabase } = await import("../context.js");
        const { reviewCases } = await import("../train/review-cases.js");
        reviews = await withDatabase((db) => reviewCases(db));
        progress(`${reviews.cases.length} reviewed cases read (${reviews.skipped.length} skipped)`);
      }
      const result = await runTraining({
        train: worlds(options.seeds),
        holdout: worlds(options.holdoutSeeds),
        sample: options.sample,
        l2: options.l2,
        reviews: reviews.cases,
        now: () => new Date(),
        progress,
      });
      const out = options.out ?? join(env.CASEHOUND_DATA_DIR, "weights.json");
      writeFileSync(out, `${JSON.stringify(result.weights, null, 2)}\n`);
      if (options.json) {
        console.log(JSON.stringify(result.weights, null, 2));
        return;
      }
      const { weights, priorHoldout } = result;
      console.log(
        `trained ${weights.version} on ${weights.provenance.cases} cases (${weights.provenance.reviews} from reviews); held out: seeds ${options.holdoutSeeds.join(", ")}`,
      );
      console.log(
        table(
          [
            "typology",
            "held-out cases",
            "positives",
            "Brier prior",
            "Brier trained",
            "ECE prior",
            "ECE trained",
          ],
          TYPOLOGIES.map((t) => {
            const p = priorHoldout[t];
            const w = weights.metrics.holdout[t];
            return [
              t,
              w?.cases ?? 0,
              w?.positives ?? 0,
              fmt(p?.brier ?? null),
              fmt(w?.brier ?? null),
              fmt(p?.ece ?? null),
              fmt(w?.ece ?? null),
            ];
          }),
        ),
      );
      console.log(`written to ${out}; investigations use it with CASEHOUND_WEIGHTS_FILE=${out}`);
    });
}
