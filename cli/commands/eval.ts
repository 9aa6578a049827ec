// `casehound eval`: seeds a labelled demo world into a fresh embedded database,
// investigates every escalated subject and a sample of unflagged sellers, and
// prints how the verdicts compare with the ground truth. The engine's modules load
// once the arguments are parsed.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { TYPOLOGIES } from "../../domain/typology.js";
import type { WorldSizeName } from "../../world/sizes.js";
import { parseSeed } from "../arguments.js";
import { context } from "../context.js";
import { evaluate, LABELS } from "../eval/metrics.js";
import { table } from "../format.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";

interface EvalOptions {
  size: WorldSizeName;
  seed: number;
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

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("measure the verdicts against a labelled demo world")
    .addOption(
      new Option("--size <size>", "world size").choices(["small", "medium"]).default("small"),
    )
    .option("--seed <n>", "world seed", parseSeed, 42)
    .option(
      "--sample <n>",
      "unflagged sellers to include (default: 40 small, 150 medium)",
      parseSample,
    )
    .option("--json", "print the metrics as JSON")
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: EvalOptions) => {
      const progress = progressReporter(options);
      const { flushTraces } = await import("../../controller/tracing.js");
      const { migrate } = await import("../../db/migrate.js");
      const { openPglite } = await import("../../db/pglite.js");
      const { seedWorld } = await import("../../world/generate.js");
      const { runEval } = await import("../eval/run.js");
      const { prepareSearch } = await import("../search-setup.js");
      const dir = mkdtempSync(join(tmpdir(), "casehound-eval-"));
      const db = await openPglite(dir);
      try {
        await migrate(db);
        progress(`seeding the ${options.size} world (seed ${options.seed}) into ${dir} ...`);
        const { labels } = await seedWorld(db, {
          size: options.size,
          seed: options.seed,
          onPhase: (phase) => progress(`seeding: ${phase}`),
        });
        const sample = options.sample ?? (options.size === "small" ? 40 : 150);
        progress("preparing search: embedding the corpus");
        const search = await prepareSearch(db, context().env);
        progress("investigating (the first case also computes the category baselines)");
        const run = await runEval(db, labels, {
          sample,
          search,
          onCase: (c, done, total) =>
            progress(
              `case ${done} of ${total}: ${c.sellerId} (${c.kind}) → ${c.decision} ${c.predicted === c.truth ? "✓" : "✗"} ${Math.round(c.ms)} ms`,
            ),
        });
        const metrics = evaluate(run.escalated);
        const ring = {
          found: run.ringMembers.filter((c) => c.predicted === "collusion").length,
          total: run.ringMembers.length,
        };
        const hardNegatives = run.escalated.filter((c) =>
          ["viral_seller", "shared_office_ip", "review_bombed"].includes(c.kind),
        );
        const hardNegativeFraud = hardNegatives.filter((c) => c.decision === "fraud").length;
        if (options.json) {
          console.log(
            JSON.stringify(
              {
                size: options.size,
                seed: options.seed,
                metrics,
                ringMembers: ring,
                hardNegatives: hardNegatives.length,
                hardNegativeFraud,
                cases: run.escalated,
              },
              null,
              2,
            ),
          );
          return;
        }
        console.log(
          `\n${metrics.cases} escalated cases (${sample} of them unflagged sellers), ${options.size} world, seed ${options.seed}`,
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
              const s = metrics.perTypology[t];
              return [t, s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), s.support];
            }),
          ),
        );
        console.log(
          `\nmacro-F1 ${metrics.macroF1.toFixed(3)} · Brier ${metrics.brier.toFixed(4)} · ECE ${metrics.ece.toFixed(4)}`,
        );
        console.log(
          `hard negatives: ${hardNegatives.length}, of which fraud verdicts: ${hardNegativeFraud}`,
        );
        console.log(
          `collusion ring partners (not escalated) found when investigated directly: ${ring.found} of ${ring.total}`,
        );
        console.log(
          `latency per case: p50 ${metrics.latency.p50.toFixed(0)} ms, p95 ${metrics.latency.p95.toFixed(0)} ms (PGlite, baselines warm)`,
        );
        const missed = run.escalated.filter((c) => c.truth !== c.predicted);
        if (missed.length) {
          console.log(
            `\nmisclassified: ${missed.map((c) => `${c.sellerId} (${c.kind}${c.intensity ? `/${c.intensity}` : ""} → ${c.decision} ${c.predicted})`).join(", ")}`,
          );
        }
      } finally {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
        // With LangSmith tracing on, the last cases' traces are still on their way.
        await flushTraces();
      }
    });
}
