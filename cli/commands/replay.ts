// `casehound replay <caseId>`: re-runs a stored case's decided run from its recorded
// answers (no warehouse, no model) and shows the verdict is identical, or prints
// what differs. Exit code 1 when the replay differs or the audit chain is broken.
import type { Command } from "commander";
import { replayCase } from "../../controller/replay.js";
import { withDatabase } from "../context.js";

export function registerReplayCommand(program: Command): void {
  program
    .command("replay <caseId>")
    .description("re-run a decided case from its recorded answers and compare the verdict")
    .option("--json", "print the comparison as JSON")
    .action(async (caseId: string, options: { json?: boolean }) => {
      const report = await withDatabase((db) => replayCase(db, caseId));
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else {
        const what = `case ${caseId} run ${report.runId}: replayed from ${report.recordedAnswers} recorded answers, ${report.stepsCompared} steps compared`;
        if (report.identical)
          console.log(`${what}; verdict identical (${report.replayedHash.slice(0, 16)})`);
        else {
          console.log(`${what}; the replay DIFFERS:`);
          for (const line of report.differences) console.log(`  - ${line}`);
        }
        if (!report.chain.ok)
          console.log(
            `audit chain BROKEN at event ${report.chain.brokenAt}: ${report.chain.reason}`,
          );
      }
      if (!report.identical || !report.chain.ok) process.exitCode = 1;
    });
}
