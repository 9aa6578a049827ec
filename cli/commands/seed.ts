// `casehound seed`: generate a demo world into the configured warehouse.

import { type Command, Option } from "commander";
import { VARIANT_MODES, type VariantMode } from "../../world/modes.js";
import { WORLD_SIZE_NAMES, type WorldSizeName } from "../../world/sizes.js";
import { parseSeed } from "../arguments.js";
import { context, defaultLabelsPath, withDatabase } from "../context.js";
import { table, thousands } from "../format.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";
import { prepareSearch } from "../search-setup.js";

interface SeedCommandOptions {
  size: WorldSizeName;
  seed: number;
  labels?: string;
  replace?: boolean;
  json?: boolean;
  progress?: boolean;
  variants: VariantMode;
}

export function registerSeedCommand(program: Command): void {
  program
    .command("seed")
    .description("generate a demo marketplace with planted fraud cases into the warehouse")
    .addOption(new Option("--size <size>", "world size").choices(WORLD_SIZE_NAMES).default("small"))
    .option("--seed <n>", "random seed (same seed, same world)", parseSeed, 42)
    .addOption(
      new Option(
        "--variants <mode>",
        "classic: the textbook plants; mixed: each typology through channels and evasive shapes drawn per seed, more hard negatives, a realistic background",
      )
        .choices(VARIANT_MODES)
        .default("classic"),
    )
    .option("--labels <file>", "where to write the ground truth (default: <data dir>/labels.json)")
    .option(
      "--replace",
      "empty the warehouse first if it already holds data, and overwrite an existing labels file",
    )
    .option("--json", "print the result as JSON")
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: SeedCommandOptions) => {
      const { env } = await context();
      const labelsPath = options.labels ?? defaultLabelsPath(env);
      const { assertLabelsWritable, writeLabels } = await import("../../world/labels.js");
      assertLabelsWritable(labelsPath, { replace: options.replace === true });
      const progress = progressReporter(options);
      const { seedWorld, truncateWarehouse } = await import("../../world/generate.js");
      const { refreshBaselineSnapshot } = await import("../../tools/indicators/snapshots.js");
      await withDatabase(async (db) => {
        if (options.replace) await truncateWarehouse(db);
        const result = await seedWorld(db, {
          size: options.size,
          seed: options.seed,
          variants: options.variants,
          onPhase: (phase) => progress(`seeding: ${phase}`),
        });
        writeLabels(labelsPath, result.labels);
        progress("embedding the corpus for search");
        await prepareSearch(db, env);
        // The world's own instant, so its first case finds its baselines ready.
        progress("computing the baseline snapshot");
        const snapshot = await refreshBaselineSnapshot(db, db, result.labels.as_of);
        if (options.json) {
          console.log(
            JSON.stringify({ ...result, labels: labelsPath, baselineSnapshot: snapshot }, null, 2),
          );
          return;
        }
        console.log(
          `seeded the ${options.size} world (seed ${options.seed}) into ${db.location} in ${result.seconds.toFixed(1)} s`,
        );
        console.log(
          table(
            ["risk table", "rows"],
            Object.entries(result.rowCounts).map(([t, n]) => [t, thousands(n)]),
          ),
        );
        console.log(`content hash ${result.contentHash}`);
        console.log(
          `baseline snapshot ${snapshot.id} as of ${snapshot.asOf}: ${snapshot.indicators} indicators over ${thousands(snapshot.sellers)} sellers in ${snapshot.seconds.toFixed(1)} s`,
        );
        console.log(
          `ground truth (${result.labels.subjects.length} labelled subjects): ${labelsPath}`,
        );
      });
    });
}
