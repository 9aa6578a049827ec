// `casehound investigate`: one case against the configured database, printed as the
// case report in plain text or as JSON (verdict and evidence).
import { type Command, InvalidArgumentError, Option } from "commander";
import type { AuditEvent } from "../../domain/audit.js";
import type { Subject } from "../../domain/case.js";
import { AppError } from "../../domain/errors.js";
import type { Evidence } from "../../domain/evidence.js";
import type { Typology } from "../../domain/typology.js";
import type { Verdict } from "../../domain/verdict.js";
import { TYPOLOGY_NAMES } from "../../domain/vocabulary.js";
import { parseSubjectArgument } from "../arguments.js";
import { context } from "../context.js";
import { noProgressOption, progressOption, progressReporter } from "../progress.js";
import { withCaseRunner } from "../runner.js";

function keyArgument(value: string): string {
  if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(value))
    throw new InvalidArgumentError("must be 1 to 200 letters, digits or _ . : -.");
  return value;
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
  idempotencyKey?: string;
  progress?: boolean;
}

export function registerInvestigateCommand(program: Command): void {
  program
    .command("investigate")
    .description("investigate one case and print the verdict")
    .requiredOption(
      "--subject <type:id>",
      "who is investigated, e.g. seller:slr_0a9s98o",
      parseSubjectArgument,
    )
    .requiredOption("--allegation <text>", "what the escalation alleges")
    .addOption(new Option("--hint <typology...>", "suspected typologies").choices(TYPOLOGY_NAMES))
    .option(
      "--as-of <iso>",
      "investigate as of this instant (default: the warehouse's as-of, else now)",
      isoArgument,
    )
    .option("--json", "print the verdict and its evidence as JSON")
    .option(
      "--idempotency-key <key>",
      "the same key again returns the same case: its stored verdict, or its interrupted run resumed",
      keyArgument,
    )
    .addOption(progressOption())
    .addOption(noProgressOption())
    .action(async (options: InvestigateOptions) => {
      if (options.allegation.trim() === "" || options.allegation.length > 4000) {
        throw new AppError("bad_argument", "--allegation must be 1 to 4000 characters");
      }
      const progress = progressReporter(options);
      const { buildReport } = await import("../../domain/report/build.js");
      const { reportText } = await import("../../domain/report/text.js");
      const request = {
        subject: options.subject,
        allegation: options.allegation,
        typologyHints: options.hint ?? [],
        ...(options.asOf ? { asOf: options.asOf } : {}),
      };
      const print = (verdict: Verdict, evidence: Evidence[]) => {
        if (options.json) console.log(JSON.stringify({ verdict, evidence }, null, 2));
        else process.stdout.write(reportText(buildReport({ verdict, evidence })));
      };
      // A server holding the embedded data directory takes the case (server/local-endpoint.ts).
      const { env } = await context();
      const endpoint = env.DATABASE_URL
        ? undefined
        : (await import("../../server/local-endpoint.js")).readLocalEndpoint(
            env.CASEHOUND_DATA_DIR,
          );
      if (endpoint) {
        progress(`handing the case to the running server (pid ${endpoint.pid}, ${endpoint.url})`);
        const { investigateThroughServer } = await import("../hand-off.js");
        const handed = await investigateThroughServer(endpoint, request, {
          ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
          onStatus: (status) => progress(`case ${status}`),
        });
        print(handed.verdict, handed.evidence);
        console.error(
          `${handed.replayed ? "already submitted; " : ""}stored by the running server (pid ${endpoint.pid}) as case ${handed.caseId}; check its audit trail at ${endpoint.url}/v1/cases/${handed.caseId}/audit?verify=true`,
        );
        return;
      }
      progress(`opening the database and preparing search`);
      const { submitAndDrive } = await import("../../server/intake.js");
      await withCaseRunner(
        async (runner, db) => {
          // Every investigation is a stored case with a run, its evidence, one verdict and its audit chain.
          const outcome = await submitAndDrive(runner, db, request, {
            actor: "cli",
            ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
          });
          print(outcome.verdict, outcome.evidence);
          const how =
            outcome.how === "stored"
              ? "already decided; stored"
              : outcome.how === "resumed"
                ? "resumed an interrupted run; stored"
                : "stored";
          console.error(
            `${how} as case ${outcome.case.id}; check its audit trail with: casehound audit verify ${outcome.case.id}`,
          );
        },
        progress.enabled
          ? { onEvent: (event: AuditEvent) => progress(`step ${event.seq} ${event.kind}`) }
          : {},
      );
    });
}
