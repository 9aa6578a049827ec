// `casehound resume`: finds runs whose process died (their lease expired), takes
// each over and finishes it from its last checkpoint. Safe to run from any number of
// processes at once: a run is claimed by one of them.
import type { Command } from "commander";
import { withCaseRunner } from "../runner.js";

export function registerResumeCommand(program: Command): void {
  program
    .command("resume")
    .description("finish every interrupted run (its process died and its lease expired)")
    .option("--json", "print the outcomes as JSON")
    .action(async (options: { json?: boolean }) => {
      const { outcomes, failures } = await withCaseRunner((runner) => runner.resumeAbandoned());
      if (options.json)
        console.log(
          JSON.stringify({
            resumed: outcomes.map((o) => ({
              case_id: o.case.id,
              run_id: o.runId,
              how: o.how,
              decision: o.verdict.decision,
            })),
            failed: failures.map((f) => ({ case_id: f.caseId, error: f.error })),
          }),
        );
      else {
        if (outcomes.length + failures.length === 0) console.log("no interrupted runs");
        for (const o of outcomes)
          console.log(`case ${o.case.id}: run ${o.runId} ${o.how} → ${o.verdict.decision}`);
        for (const f of failures) console.log(`case ${f.caseId}: FAILED: ${f.error}`);
      }
      if (failures.length > 0) process.exitCode = 1;
    });
}
