// `casehound batch create|status|wait|results|cancel|list`: re-review many subjects
// at once — flagged sellers, or a file of subjects — as a batch of ordinary cases,
// each with its own audit chain. `create --wait` and `wait` drive the cases here
// (cli/batch-driver.ts) and print a summary when the batch finishes.
import { type Command, Option } from "commander";
import type { Database } from "../../db/types.js";
import { parseWorkers } from "../arguments.js";
import {
  batchIdArgument,
  parseInstant,
  parseKey,
  parseLimit,
  parseScore,
  parseText,
} from "../batch-arguments.js";
import { RESULT_COLUMNS, resultCsvLine, statusText } from "../batch-output.js";
import type { CreateArguments } from "../batch-request.js";
import type { DriveOptions } from "../batch-wait.js";
import { withDatabase } from "../context.js";
import { table } from "../format.js";
import { withCaseRunner } from "../runner.js";

const driveOptions = (command: Command) =>
  command
    .option(
      "--workers <n>",
      "cases investigated at once (default: CASEHOUND_WORKERS, else 2)",
      parseWorkers,
    )
    .option("--json", "print JSON (the batch, and its summary once finished)")
    .addOption(new Option("--progress", "draw the progress bar even when not on a terminal"))
    .addOption(new Option("--no-progress", "plain progress lines, even on a terminal"));

export function registerBatchCommands(program: Command): void {
  const batch = program
    .command("batch")
    .description("re-review many subjects as a batch of ordinary cases");

  driveOptions(
    batch
      .command("create")
      .description("create a batch: flagged sellers (--flagged) or a file of subjects (--file)")
      .option("--flagged", "re-review sellers flagged in risk.flags (strongest flag first)")
      .option("--flag-source <source>", "only flags from this source", parseText)
      .option("--min-score <score>", "only flags scored at least this (0 to 1)", parseScore)
      .option("--since <iso>", "only flags raised at or after this instant", parseInstant)
      .option("--until <iso>", "only flags raised before this instant", parseInstant)
      .option("--category <category>", "only sellers of this category", parseText)
      .option(
        "--not-reviewed-since <iso>",
        "leave out sellers an analyst reviewed at or after this instant",
        parseInstant,
      )
      .option("--limit <n>", "at most this many sellers (default: 100)", parseLimit)
      .option(
        "--file <path>",
        "a CSV (with a header) or JSON-lines file: subject or seller_id, allegation, as_of",
      )
      .option("--key <key>", "idempotency key: the same key again is the same batch", parseKey)
      .option("--wait", "investigate the cases here, show progress and print a summary"),
  ).action(async (options: CreateArguments & DriveOptions & { key?: string; wait?: boolean }) => {
    const { batchRequest } = await import("../batch-request.js");
    const request = batchRequest(options);
    const { createBatch } = await import("../../server/batch/create.js");
    await withCaseRunner(async (runner, db, ctx, warehouse) => {
      const create = async (queue?: import("../../server/worker/case-queue.js").CaseQueue) => {
        const created = await createBatch(
          {
            intake: {
              db,
              admit: (r) => runner.admit(r),
              ...(queue ? { queue } : {}),
              now: () => new Date(),
            },
            warehouse,
          },
          request,
          {
            actor: "cli",
            ...(options.key
              ? { idempotencyKey: `cli:${options.key}`, clientKey: options.key }
              : {}),
          },
        );
        const { batch: b, replayed, submitted, rejected } = created;
        console.error(
          `${replayed ? "the key names batch" : "created batch"} ${b.id}: ${b.total} cases (${submitted} submitted now${rejected ? `, ${rejected} refused` : ""})`,
        );
        return b.id;
      };
      if (options.wait) {
        const { driveAndFollow } = await import("../batch-wait.js");
        return driveAndFollow(runner, db, warehouse, ctx, options, create);
      }
      const { batchProducer } = await import("../batch-driver.js");
      const { createLogger } = await import("../../config/logger.js");
      const producer = await batchProducer({
        db,
        logger: createLogger(ctx.env.LOG_LEVEL),
        leaseMs: ctx.env.CASEHOUND_RUN_LEASE_MS,
      });
      let id: string;
      try {
        id = await create(producer);
      } finally {
        await producer?.stop(0);
      }
      const { getBatchView } = await import("../../server/batch/view.js");
      const view = await getBatchView(db, id, new Date());
      console.log(options.json ? JSON.stringify(view) : id);
      console.error(
        view.progress.finished
          ? `it is finished; its results: casehound batch results ${id}`
          : db.engine === "pglite"
            ? `its cases are queued; investigate them with: casehound batch wait ${id}`
            : `its cases are queued for the workers; follow them with: casehound batch status ${id}`,
      );
    });
  });

  driveOptions(
    batch
      .command("wait <id>")
      .description("investigate a batch's queued cases here, show progress and print a summary"),
  ).action(async (raw: string, options: DriveOptions) => {
    const id = batchIdArgument(raw);
    await withCaseRunner(async (runner, db, ctx, warehouse) => {
      const { getBatchView } = await import("../../server/batch/view.js");
      const { submitPendingRows } = await import("../../server/batch/submit.js");
      const { driveAndFollow } = await import("../batch-wait.js");
      const batch = await getBatchView(db, id, new Date()); // not_found before anything starts
      const drive = (warehouse: Database) =>
        driveAndFollow(runner, db, warehouse, ctx, options, async (queue) => {
          // Rows an interrupted create left unsubmitted are submitted now, or the batch never finishes.
          const { submitted } = await submitPendingRows(
            { db, admit: (r) => runner.admit(r), queue, now: () => new Date() },
            batch,
          );
          if (submitted > 0)
            console.error(`submitted ${submitted} rows an interrupted create left`);
          return id;
        });
      await drive(warehouse);
    });
  });

  batch
    .command("status <id>")
    .description("a batch's progress: cases by state, pace, ETA")
    .option("--json", "print JSON")
    .action(async (raw: string, options: { json?: boolean }) => {
      const id = batchIdArgument(raw);
      const { getBatchView } = await import("../../server/batch/view.js");
      const view = await withDatabase((db) => getBatchView(db, id, new Date()));
      console.log(options.json ? JSON.stringify(view) : statusText(view));
    });

  batch
    .command("results <id>")
    .description(
      "one row per subject: decision, typology, risk, action, case, verdict hash, reason",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["csv", "jsonl"]).default("csv"),
    )
    .action(async (raw: string, options: { format: "csv" | "jsonl" }) => {
      const id = batchIdArgument(raw);
      const { allBatchResults } = await import("../../server/batch/results.js");
      const { getBatchView } = await import("../../server/batch/view.js");
      await withDatabase(async (db) => {
        await getBatchView(db, id, new Date());
        if (options.format === "csv") process.stdout.write(`${RESULT_COLUMNS.join(",")}\n`);
        for await (const row of allBatchResults(db, id))
          process.stdout.write(
            `${options.format === "csv" ? resultCsvLine(row) : JSON.stringify(row)}\n`,
          );
      });
    });

  batch
    .command("cancel <id>")
    .description("cancel a batch: its queued cases never run; running ones finish")
    .action(async (raw: string) => {
      const id = batchIdArgument(raw);
      const { cancelBatch } = await import("../../server/batch/view.js");
      const { view, cancelledCases } = await withDatabase((db) =>
        cancelBatch(db, id, "cli", new Date()),
      );
      console.log(
        `cancelled batch ${id}: ${cancelledCases} queued cases cancelled; ${view.progress.counts.running} running finish`,
      );
    });

  batch
    .command("list")
    .description("batches, newest first")
    .option("--limit <n>", "at most this many (default: 20)", parseLimit)
    .option("--json", "print JSON")
    .action(async (options: { limit?: number; json?: boolean }) => {
      const { listBatches } = await import("../../db/repositories/batches.js");
      const { batches } = await withDatabase((db) =>
        listBatches(db, { limit: options.limit ?? 20 }),
      );
      if (options.json) console.log(JSON.stringify(batches));
      else if (batches.length === 0)
        console.log("no batches; create one with: casehound batch create --flagged --limit 10");
      else
        console.log(
          table(
            ["batch", "created", "by", "from", "cases", "cancelled"],
            batches.map((b) => [
              b.id,
              b.createdAt,
              b.createdBy,
              b.origin.kind,
              b.total,
              b.cancelledAt ?? "",
            ]),
          ),
        );
    });
}
