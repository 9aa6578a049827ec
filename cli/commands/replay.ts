// `casehound replay <caseId>` (or `--all`): re-runs a stored case's decided run from
// its recorded answers (no warehouse, no model) and shows the verdict is identical,
// or prints what differs. Exit code 1 when a replay differs or a chain is broken.
import type { Command } from "commander";
import type { ReplayReport } from "../../controller/replay.js";
import { AppError } from "../../domain/errors.js";
import { withDatabase } from "../context.js";

function print(report: ReplayReport): void {
  const what = `case ${report.caseId} run ${report.runId}: replayed from ${report.recordedAnswers} recorded answers, ${report.stepsCompared} steps compared`;
  if (report.identical)
    // Two hashes, named apart: the replay compares the decision; the API and reviews name the whole verdict.
    console.log(
      `${what}; verdict identical: decision hash ${report.replayedDecisionHash.slice(0, 16)}… (the verdict without timings and audit head, which a replay measures anew); verdict hash ${report.verdictHash.slice(0, 16)}… (the whole stored verdict: the API's verdictHash, which reviews name)`,
    );
  else {
    console.log(`${what}; the replay DIFFERS:`);
    for (const line of report.differences) console.log(`  - ${line}`);
  }
  if (!report.chain.ok)
    console.log(`audit chain BROKEN at event ${report.chain.brokenAt}: ${report.chain.reason}`);
}

export function registerReplayCommand(program: Command): void {
  program
    .command("replay [caseId]")
    .description("re-run a decided case from its recorded answers and compare the verdict")
    .option("--all", "replay every decided or reviewed case")
    .option("--json", "print the comparison as JSON")
    .action(async (caseId: string | undefined, options: { all?: boolean; json?: boolean }) => {
      if (Boolean(caseId) === Boolean(options.all))
        throw new AppError("bad_argument", "give a case id or --all");
      const { replayCase } = await import("../../controller/replay.js");
      const reports = await withDatabase(async (db) => {
        const ids = caseId
          ? [caseId]
          : (
              await db.query<{ case_id: string }>(
                "SELECT case_id FROM casehound.cases WHERE status IN ('decided', 'reviewed') ORDER BY created_at, case_id",
              )
            ).rows.map((r) => r.case_id);
        const out: ReplayReport[] = [];
        for (const id of ids) out.push(await replayCase(db, id));
        return out;
      });
      if (options.json) console.log(JSON.stringify(caseId ? reports[0] : reports, null, 2));
      else {
        for (const report of reports) print(report);
        if (options.all) {
          const identical = reports.filter((r) => r.identical && r.chain.ok).length;
          console.log(`${identical} of ${reports.length} cases replayed identically`);
        }
      }
      if (reports.some((r) => !r.identical || !r.chain.ok)) process.exitCode = 1;
    });
}
