// Walks a parsed statement (libpg-query's JSON tree) and names the first thing in
// it the policy does not allow: a node type outside the read-only subset of SQL, a
// function, operator or type not on the list, a call that can build a huge value,
// SELECT INTO, a locking clause, a parameter. Then the scope walk (scope.ts)
// resolves every relation and column where PostgreSQL would.
import { growers, MAX_GROWERS, outputTooLarge } from "./output-size.js";
import type { SqlPolicy } from "./policy.js";
import { Refusal } from "./relation.js";
import { resolveScopes } from "./scope.js";
import { type Node, names } from "./tree.js";

/** Node types a read-only analytic query is made of; anything else is refused. */
const NODE_TYPES = new Set([
  "SelectStmt",
  "ResTarget",
  "ColumnRef",
  "String",
  "A_Star",
  "A_Const",
  "Integer",
  "Float",
  "Boolean",
  "A_Expr",
  "BoolExpr",
  "FuncCall",
  "TypeCast",
  "TypeName",
  "RangeVar",
  "Alias",
  "JoinExpr",
  "SortBy",
  "WindowDef",
  "CommonTableExpr",
  "WithClause",
  "SubLink",
  "CaseExpr",
  "CaseWhen",
  "NullTest",
  "BooleanTest",
  "CoalesceExpr",
  "MinMaxExpr",
  "A_ArrayExpr",
  "A_Indirection",
  "A_Indices",
  "RangeSubselect",
  "RangeFunction",
  "List",
  "GroupingSet",
  "RowExpr",
  "SQLValueFunction",
  "NamedArgExpr",
]);

/**
 * Fields that hold a node without the usual {Type: {...}} wrapper, and the type of
 * that node: a type cast's type, an alias, the arms of UNION, a WITH, an OVER, INTO.
 */
const UNWRAPPED: Record<string, string> = {
  typeName: "TypeName",
  alias: "Alias",
  larg: "SelectStmt",
  rarg: "SelectStmt",
  withClause: "WithClause",
  over: "WindowDef",
  intoClause: "IntoClause",
  into: "IntoClause",
  returningClause: "ReturningClause",
  onConflictClause: "OnConflictClause",
};

/** Every node under `value`, depth first, with its type. */
function* nodes(value: unknown): Generator<[string, Node]> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (child && typeof child === "object" && !Array.isArray(child)) {
        if (/^[A-Z]/.test(key)) yield [key, child as Node];
        else if (UNWRAPPED[key]) yield [UNWRAPPED[key] as string, child as Node];
      }
      yield* nodes(child);
    }
  }
}

export interface Inspection {
  violation: string | null;
  /** Risk tables the statement reads. */
  tables: string[];
}

export function inspect(statement: Node, policy: SqlPolicy): Inspection {
  const fail = (violation: string): Inspection => ({ violation, tables: [] });
  for (const [type, node] of nodes(statement)) {
    if (!NODE_TYPES.has(type)) return fail(`uses ${type}, which a read-only query does not need`);
    switch (type) {
      case "SelectStmt":
        if (node.intoClause) return fail("SELECT INTO writes a table");
        if (node.lockingClause) return fail("locking clauses (FOR UPDATE/SHARE) are not allowed");
        break;
      case "FuncCall": {
        const parts = names(node.funcname).map((p) => p.toLowerCase());
        const name = parts.at(-1) as string;
        if (parts.length > 2 || (parts.length === 2 && parts[0] !== "pg_catalog"))
          return fail(`function ${parts.join(".")} is outside pg_catalog`);
        if (!policy.functions.has(name)) return fail(`function ${name}() is not allowed`);
        const tooLarge = outputTooLarge(name, node.args as Node[] | undefined);
        if (tooLarge) return fail(tooLarge);
        break;
      }
      case "A_Expr": {
        // BETWEEN and its variants carry their keyword as the "operator".
        if (String(node.kind).includes("BETWEEN")) break;
        const parts = names(node.name);
        if (parts.length > 2 || (parts.length === 2 && parts[0] !== "pg_catalog"))
          return fail(`operator ${parts.join(".")} is outside pg_catalog`);
        const operator = parts.at(-1);
        if (operator !== undefined && !policy.operators.has(operator))
          return fail(`operator ${operator} is not allowed`);
        break;
      }
      case "TypeName": {
        const parts = names(node.names).map((p) => p.toLowerCase());
        const name = parts.at(-1) as string;
        if (parts.length > 2 || (parts.length === 2 && parts[0] !== "pg_catalog"))
          return fail(`type ${parts.join(".")} is outside pg_catalog`);
        if (!policy.types.has(name)) return fail(`type ${name} is not allowed`);
        break;
      }
      case "SQLValueFunction":
        // The date and time keywords only; CURRENT_USER and friends describe the server.
        if (
          !/^SVFOP_(CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|LOCALTIME|LOCALTIMESTAMP)(_N)?$/.test(
            String(node.op),
          )
        )
          return fail(
            `${String(node.op).replace("SVFOP_", "")} describes the server, not the warehouse`,
          );
        break;
      case "WithClause":
        if (node.recursive === true) return fail("recursive queries can run without end");
        break;
    }
  }
  if (growers(statement) > MAX_GROWERS)
    return fail(
      `the statement builds text or arrays more than ${MAX_GROWERS} times (||, concat, lpad, string_agg …)`,
    );
  try {
    return { violation: null, tables: resolveScopes(statement, policy).tables };
  } catch (error) {
    if (error instanceof Refusal) return fail(error.message);
    throw error;
  }
}
