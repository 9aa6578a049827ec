// `casehound audit verify <caseId>`: recomputes a stored case's audit chain and
// reports the first broken link. Exit code 1 when the chain is broken.
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { withDatabase } from "../context.js";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("check a case's tamper-evident audit trail");
  audit
    .command("verify <caseId>")
    .description("recompute the hash chain of a stored case and name the first broken link")
    .option("--json", "print the result as JSON")
    .action(async (caseId: string, options: { json?: boolean }) => {
      const { verifyAuditChain } = await import("../../db/repositories/audit.js");
      const { getCase } = await import("../../db/repositories/cases.js");
      const result = await withDatabase(async (db) => {
        if (!(await getCase(db, caseId)))
          throw new AppError("not_found", `no stored case ${caseId}`);
        return verifyAuditChain(db, caseId);
      });
      if (options.json) console.log(JSON.stringify({ case_id: caseId, ...result }));
      else if (result.ok)
        console.log(
          `case ${caseId}: ${result.events} audit events, chain intact, head ${result.head}`,
        );
      else
        console.log(
          `case ${caseId}: chain BROKEN at event ${result.brokenAt} of ${result.events}: ${result.reason}`,
        );
      if (!result.ok) process.exitCode = 1;
    });
}
