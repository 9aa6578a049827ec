// `casehound sql check [FILE|-]`: runs the SQL guard over a JSON array of SQL
// strings (from FILE or standard input) and prints a JSON array of
// {allowed, reason} in the same order — what a model's query would meet.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";

function readInput(source: string): string {
  try {
    return readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (error) {
    throw new AppError(
      "bad_argument",
      `cannot read ${source === "-" ? "standard input" : source}: ${(error as Error).message}`,
    );
  }
}

/** Why the input is not JSON, by position only: the parser's own message quotes the input. */
function notJson(error: unknown): string {
  const at = /at position (\d+)/.exec((error as Error).message)?.[1];
  return `the input is not JSON${at ? ` (at character ${at})` : ""}; give a JSON array of SQL strings`;
}

export function registerSqlCommands(program: Command): void {
  const sql = program.command("sql").description("the guard that model-written SQL must pass");
  sql
    .command("check [file]")
    .description("check a JSON array of SQL strings (file, or - / nothing for standard input)")
    .option("--with-sql", "also print the SQL that would run (limit added), for allowed statements")
    .action(async (file: string | undefined, options: { withSql?: boolean }) => {
      const text = readInput(file ?? "-");
      let statements: unknown;
      try {
        statements = JSON.parse(text);
      } catch (error) {
        throw new AppError("bad_argument", notJson(error));
      }
      if (!Array.isArray(statements))
        throw new AppError("bad_argument", "the input must be a JSON array of SQL strings");
      // The parser behind the guard is large: loaded only when there is SQL to check.
      const { checkSql } = await import("../../tools/sql/guard.js");
      const { warehousePolicy } = await import("../../tools/sql/policy.js");
      const policy = warehousePolicy();
      const answers = [];
      for (const statement of statements) {
        const result = await checkSql(statement, policy);
        answers.push(
          result.allowed && options.withSql
            ? { allowed: true, reason: result.reason, sql: result.sql }
            : { allowed: result.allowed, reason: result.reason },
        );
      }
      console.log(JSON.stringify(answers, null, 2));
    });
}
