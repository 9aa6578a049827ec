// `casehound eval`: seeds a labelled demo world into a fresh embedded database,
// investigates every escalated subject and a sample of unflagged sellers, and
// prints how the verdicts compare with the ground truth.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { migrate } from "../../db/migrate.js";
import { openPglite } from "../../db/pglite.js";
import { TYPOLOGIES } from "../../domain/typology.js";
import { seedWorld } from "../../world/generate.js";
import type { WorldSizeName } from "../../world/sizes.js";
import { parseSeed } from "../arguments.js";
import { context } from "../context.js";
import { evaluate, LABELS } from "../eval/metrics.js";
import { runEval } from "../eval/run.js";
import { table } from "../format.js";
import { prepareSearch } from "../search-setup.js";

interface EvalOptions {
  size: WorldSizeName;
  seed: number;
  sample?: number;
  json?: boolean;
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
    .action(async (options: EvalOptions) => {
      const dir = mkdtempSync(join(tmpdir(), "casehound-eval-"));
      const db = await openPglite(dir);
      try {
        await migrate(db);
        console.error(`seeding the ${options.size} world (seed ${options.seed}) into ${dir} ...`);
        const { labels } = await seedWorld(db, { size: options.size, seed: options.seed });
        const sample = options.sample ?? (options.size === "small" ? 40 : 150);
        const run = await runEval(db, labels, {
          sample,
          search: await prepareSearch(db, context().env),
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
      }
    });
}
