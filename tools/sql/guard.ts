// The guard between model-written SQL and the warehouse. It trusts nothing in the
// text: PostgreSQL's own parser (libpg-query) reads it, and it is allowed only if it
// is exactly one SELECT that the policy allows throughout (see inspect.ts). The SQL
// that runs is then printed back from the checked tree with a row limit set, so what
// executes is exactly what was checked.
import { parse } from "libpg-query";
import { deparse } from "pgsql-deparser";
import { inspect } from "./inspect.js";
import type { SqlPolicy } from "./policy.js";
import type { Node } from "./tree.js";

export type GuardResult =
  | { allowed: true; reason: string; sql: string; tables: string[]; limit: number }
  | { allowed: false; reason: string };

const refuse = (reason: string): GuardResult => ({ allowed: false, reason });

/** Sets the statement's row limit to at most `max`; a reason when it cannot. */
function limitRows(select: Node, max: number): { limit: number } | { reason: string } {
  if (select.limitOption === "LIMIT_OPTION_WITH_TIES")
    return { reason: "FETCH ... WITH TIES can return more rows than the limit" };
  const current = select.limitCount as Node | undefined;
  const constant = current?.A_Const as Node | undefined;
  let limit = max;
  if (current !== undefined) {
    if (!constant) return { reason: "LIMIT must be a plain number" };
    const ival = (constant.ival as Node | undefined)?.ival;
    if (constant.isnull !== true) {
      if (typeof ival === "number") limit = Math.min(max, ival);
      else if (constant.ival && ival === undefined)
        limit = 0; // LIMIT 0 prints as an empty ival
      else return { reason: "LIMIT must be a whole number" };
    }
  }
  select.limitCount = { A_Const: { ival: { ival: limit } } };
  select.limitOption = "LIMIT_OPTION_COUNT";
  return { limit };
}

export async function checkSql(sql: unknown, policy: SqlPolicy): Promise<GuardResult> {
  if (typeof sql !== "string") return refuse("the statement is not a string");
  if (sql.length > policy.maxLength)
    return refuse(`the statement is longer than ${policy.maxLength} characters`);
  if (sql.includes("\u0000")) return refuse("the statement contains a NUL character");
  let tree: { stmts?: { stmt?: Node }[] };
  try {
    tree = (await parse(sql)) as typeof tree;
  } catch (error) {
    return refuse(`not valid SQL: ${(error as Error).message}`);
  }
  const statements = tree.stmts ?? [];
  if (statements.length !== 1)
    return refuse(`exactly one statement is allowed, found ${statements.length}`);
  const statement = statements[0]?.stmt as Node;
  const [kind] = Object.keys(statement);
  if (kind !== "SelectStmt") return refuse(`only SELECT is allowed, this is ${kind}`);

  const { violation, tables } = inspect(statement, policy);
  if (violation) return refuse(violation);
  const select = statement.SelectStmt as Node;
  const limited = limitRows(select, policy.maxRows);
  if ("reason" in limited) return refuse(limited.reason);
  let text: string;
  try {
    text = await deparse({
      version: (tree as { version?: number }).version,
      stmts: [{ stmt: statement }],
    } as never);
  } catch (error) {
    return refuse(`the statement could not be printed back safely: ${(error as Error).message}`);
  }
  return {
    allowed: true,
    reason: `reads ${tables.length ? tables.map((t) => `risk.${t}`).join(", ") : "no table"}; at most ${limited.limit} rows`,
    sql: text,
    tables,
    limit: limited.limit,
  };
}
