// `casehound demo`: a fresh embedded database, the small demo world, then a
// handful of investigations — planted cases of each typology, the hard negatives
// and sellers nobody flagged — as a compact table and one full case report. The
// engine's modules load once the arguments are parsed.

import { join } from "node:path";
import type { Command } from "commander";
import type { LabelledSubject } from "../../world/labels.js";
import { parseSeed } from "../arguments.js";
import { context } from "../context.js";
import { table, thousands } from "../format.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";

const SHOWCASE: readonly [string, string | null][] = [
  ["brushing", "blatant"],
  ["brushing", "subtle"],
  ["collusion", "blatant"],
  ["account_takeover", "subtle"],
  ["incentive_abuse", "blatant"],
  ["click_farm", "subtle"],
  ["viral_seller", null],
  ["shared_office_ip", null],
  ["review_bombed", null],
];

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "seed the small demo world into a fresh embedded database and investigate a few sellers",
    )
    .option("--dir <dir>", "data directory for the demo (default: <data dir>/demo, recreated)")
    .option("--seed <n>", "random seed", parseSeed, 42)
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: { dir?: string; seed: number; progress?: boolean }) => {
      const { env } = await context();
      const progress = progressReporter(options);
      const dir = options.dir ?? join(env.CASEHOUND_DATA_DIR, "demo");
      console.log(`casehound demo: a fresh embedded database in ${dir}`);
      const { investigatorModels } = await import("../../config/models.js");
      const { createCaseRunner } = await import("../../controller/run-case.js");
      const { flushTraces } = await import("../../controller/tracing.js");
      const { openCheckpointer } = await import("../../db/checkpoint/open.js");
      const { migrate } = await import("../../db/migrate.js");
      const { openPglite } = await import("../../db/pglite.js");
      const { seedWorld } = await import("../../world/generate.js");
      const { writeLabels } = await import("../../world/labels.js");
      const { buildReport } = await import("../../domain/report/build.js");
      const { reportText } = await import("../../domain/report/text.js");
      const { submitAndDrive } = await import("../../server/intake.js");
      const { unflaggedSample } = await import("../eval/run.js");
      const { prepareSearch } = await import("../search-setup.js");
      const { refreshBaselineSnapshot } = await import("../../tools/indicators/snapshots.js");
      const db = await openPglite(dir, { fresh: true });
      try {
        await migrate(db);
        const {
          labels,
          rowCounts: counts,
          seconds,
        } = await seedWorld(db, {
          size: "small",
          seed: options.seed,
          onPhase: (phase) => progress(`seeding: ${phase}`),
        });
        writeLabels(join(dir, "labels.json"), labels);
        progress("computing the baseline snapshot");
        const snapshot = await refreshBaselineSnapshot(db, db, labels.as_of);
        console.log(
          `seeded the small world in ${seconds.toFixed(1)} s: ${thousands(counts.sellers)} sellers, ${thousands(counts.buyers)} buyers, ` +
            `${thousands(counts.orders)} orders, ${thousands(counts.reviews)} reviews, ${thousands(counts.logins)} logins (as of ${labels.as_of}); ` +
            `baseline snapshot of ${snapshot.indicators} indicators in ${snapshot.seconds.toFixed(1)} s\n`,
        );
        const picks: LabelledSubject[] = SHOWCASE.flatMap(([kind, intensity]) => {
          const found = labels.subjects.find(
            (s) => s.kind === kind && s.intensity === intensity && s.role === "primary",
          );
          return found ? [found] : [];
        });
        picks.push(...(await unflaggedSample(db, labels, 2)));

        progress("preparing search: embedding the corpus");
        const checkpoints = await openCheckpointer(db);
        const runner = createCaseRunner(db, {
          warehouse: db,
          checkpointer: checkpoints.saver,
          baselines: { freshnessHours: env.CASEHOUND_BASELINE_FRESHNESS_HOURS },
          ...investigatorModels(env),
          ...(await prepareSearch(db, env)),
        });
        const rows: (string | number)[][] = [];
        let firstCase = "";
        let firstReport = "";
        for (const [i, pick] of picks.entries()) {
          progress(`investigating ${i + 1} of ${picks.length}: ${pick.subject.id} (${pick.kind})`);
          const flags = await db.query<{ reason: string }>(
            "SELECT DISTINCT reason FROM risk.flags WHERE entity_type = 'seller' AND entity_id = $1",
            [pick.subject.id],
          );
          const allegation = flags.rows.length
            ? `Flagged for review: ${flags.rows.map((r) => r.reason).join("; ")}`
            : "Routine re-review of a seller with no open flags";
          const started = performance.now();
          const outcome = await submitAndDrive(
            runner,
            db,
            { subject: pick.subject, allegation, source: "analyst" },
            { actor: "demo" },
          );
          firstCase ||= outcome.case.id;
          const ms = performance.now() - started;
          const v = outcome.verdict;
          const named =
            v.decision === "fraud" || v.decision === "suspicious"
              ? (v.typologies[0]?.typology ?? "")
              : "";
          rows.push([
            pick.subject.id,
            `${pick.kind}${pick.intensity ? ` (${pick.intensity})` : ""}`,
            v.decision,
            named,
            v.risk_score.toFixed(3),
            v.recommended_action,
            v.findings.length,
            v.manipulation_attempts.length,
            Math.round(ms),
          ]);
          if (!firstReport)
            firstReport = reportText(buildReport({ verdict: v, evidence: outcome.evidence }));
        }
        console.log(
          table(
            [
              "seller",
              "planted as (ground truth)",
              "decision",
              "typology",
              "risk",
              "action",
              "findings",
              "steering",
              "ms",
            ],
            rows,
          ),
        );
        console.log(
          "\n(steering: seller- or buyer-written text that tried to dictate the verdict; it is evidence, never an instruction)",
        );
        console.log("(the first investigation also computes the category baselines)\n");
        console.log("=".repeat(100));
        console.log(firstReport);
        console.log(
          `ground truth of the planted cases (read only by \`casehound eval\`): ${join(dir, "labels.json")}`,
        );
        console.log(
          `every case above is stored with its audit chain and its recorded answers:\n  CASEHOUND_DATA_DIR=${dir} npx casehound audit verify ${firstCase}\n  CASEHOUND_DATA_DIR=${dir} npx casehound replay --all`,
        );
        console.log(
          `next: \`npx casehound eval\` measures every planted case; \`CASEHOUND_DATA_DIR=${dir} npx casehound investigate --subject seller:<id> --allegation ...\` runs one`,
        );
      } finally {
        await db.close();
        // With LangSmith tracing on, the last cases' traces are still on their way.
        await flushTraces();
      }
    });
}
