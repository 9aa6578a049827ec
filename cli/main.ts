// The `casehound` command line. Usage errors and bad values exit with code 2 and a
// one-line message; other failures exit 1 with the error's message, never a stack.
import { Command, CommanderError } from "commander";
import { isAppError } from "../domain/errors.js";
import { registerAuditCommands } from "./commands/audit.js";
import { registerBaselinesCommands } from "./commands/baselines.js";
import { registerBatchCommands } from "./commands/batch.js";
import { registerDbCommands } from "./commands/db.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerEvalCommand } from "./commands/eval.js";
import { registerInvestigateCommand } from "./commands/investigate.js";
import { registerKeysCommands } from "./commands/keys.js";
import { registerReplayCommand } from "./commands/replay.js";
import { registerResumeCommand } from "./commands/resume.js";
import { registerReviewCommand } from "./commands/review.js";
import { registerSearchCommands } from "./commands/search.js";
import { registerSeedCommand } from "./commands/seed.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerSimilarCommand } from "./commands/similar.js";
import { registerSlackCommand } from "./commands/slack.js";
import { registerSqlCommands } from "./commands/sql.js";
import { registerTrainCommand } from "./commands/train.js";
import { registerWorkerCommand } from "./commands/worker.js";

const USAGE_CODES = new Set(["bad_argument", "config_invalid"]);

function buildProgram(): Command {
  const program = new Command("casehound")
    .description("investigate escalated e-commerce fraud cases with an auditable verdict")
    .version("0.1.0")
    .exitOverride()
    .showSuggestionAfterError(true);
  registerDbCommands(program);
  registerSeedCommand(program);
  registerInvestigateCommand(program);
  registerBaselinesCommands(program);
  registerDemoCommand(program);
  registerEvalCommand(program);
  registerTrainCommand(program);
  registerAuditCommands(program);
  registerReplayCommand(program);
  registerResumeCommand(program);
  registerReviewCommand(program);
  registerServeCommand(program);
  registerSlackCommand(program);
  registerWorkerCommand(program);
  registerKeysCommands(program);
  registerSqlCommands(program);
  registerSearchCommands(program);
  registerSimilarCommand(program);
  registerBatchCommands(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    // A command may set its own exit code (audit verify on a broken chain does).
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help text).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isAppError(error)) {
      console.error(`casehound: ${error.message}`);
      return USAGE_CODES.has(error.code) ? 2 : 1;
    }
    console.error(`casehound: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
