// `casehound investigate`: one case against the configured database, printed as a
// Markdown report or as JSON (verdict and evidence).
import { type Command, InvalidArgumentError, Option } from "commander";
import { createCaseRunner } from "../../controller/run-case.js";
import { openPostgres } from "../../db/postgres.js";
import { parseSubject, type Subject } from "../../domain/case.js";
import { AppError } from "../../domain/errors.js";
import { renderReport } from "../../domain/report.js";
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import { withDatabase } from "../context.js";

function subjectArgument(value: string): Subject {
  const parsed = (() => {
    try {
      return parseSubject(value);
    } catch {
      return undefined;
    }
  })();
  if (!parsed)
    throw new InvalidArgumentError(
      "must be seller:ID, buyer:ID or order:ID (letters, digits, _ . : -).",
    );
  return parsed;
}

function isoArgument(value: string): string {
  if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new InvalidArgumentError("must be an ISO date-time, e.g. 2026-11-01T00:00:00Z.");
  return new Date(value).toISOString();
}

interface InvestigateOptions {
  subject: Subject;
  allegation: string;
  hint?: Typology[];
  asOf?: string;
  json?: boolean;
}

export function registerInvestigateCommand(program: Command): void {
  program
    .command("investigate")
    .description("investigate one case and print the verdict")
    .requiredOption(
      "--subject <type:id>",
      "who is investigated, e.g. seller:slr_0a9s98o",
      subjectArgument,
    )
    .requiredOption("--allegation <text>", "what the escalation alleges")
    .addOption(new Option("--hint <typology...>", "suspected typologies").choices(TYPOLOGIES))
    .option(
      "--as-of <iso>",
      "investigate as of this instant (default: the warehouse's as-of, else now)",
      isoArgument,
    )
    .option("--json", "print the verdict and its evidence as JSON")
    .action(async (options: InvestigateOptions) => {
      if (options.allegation.trim() === "" || options.allegation.length > 4000) {
        throw new AppError("bad_argument", "--allegation must be 1 to 4000 characters");
      }
      await withDatabase(async (db, { env }) => {
        // The warehouse may be a separate (read-only) connection; by default it is the same database.
        const warehouse = env.WAREHOUSE_URL ? await openPostgres(env.WAREHOUSE_URL) : db;
        try {
          // Every investigation is a stored case with a run, its evidence, one verdict and its audit chain.
          const request = {
            subject: options.subject,
            allegation: options.allegation,
            typologyHints: options.hint ?? [],
            ...(options.asOf ? { asOf: options.asOf } : {}),
          };
          const runner = createCaseRunner(db, { warehouse });
          const { case: stored, ...result } = await runner.submit(request, { actor: "cli" });
          if (options.json)
            console.log(
              JSON.stringify({ verdict: result.verdict, evidence: result.evidence }, null, 2),
            );
          else process.stdout.write(renderReport(result.verdict, result.evidence));
          console.error(
            `stored as case ${stored.id}; check its audit trail with: casehound audit verify ${stored.id}`,
          );
        } finally {
          if (warehouse !== db) await warehouse.close();
        }
      });
    });
}
