// Walks a parsed statement (libpg-query's JSON tree) and names the first thing in
// it the policy does not allow: a node type outside the read-only subset of SQL, a
// table outside schema `risk`, an unknown or hidden column, a function, operator
// or type not on the list, SELECT INTO, a locking clause, a parameter.
import type { SqlPolicy } from "./policy.js";

type Node = Record<string, unknown>;

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

const names = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((item) => String(((item as Node).String as Node | undefined)?.sval ?? "?"))
    : [];

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
  const all = [...nodes(statement)];
  // Names the query defines itself: CTEs, aliases, output columns.
  const cteNames = new Set<string>();
  const defined = new Set<string>();
  const aliasTable = new Map<string, string>();
  for (const [type, node] of all) {
    if (type === "CommonTableExpr") {
      cteNames.add(String(node.ctename));
      for (const column of names(node.aliascolnames)) defined.add(column);
    }
    if (type === "Alias") {
      defined.add(String(node.aliasname));
      for (const column of names(node.colnames)) defined.add(column);
    }
    if (type === "ResTarget" && typeof node.name === "string") defined.add(node.name);
    if (type === "RangeVar" && node.schemaname === "risk") {
      const alias = (node.alias as Node | undefined)?.aliasname;
      aliasTable.set(String(alias ?? node.relname), String(node.relname));
    }
  }
  const tables = new Set<string>();
  const fail = (violation: string): Inspection => ({ violation, tables: [...tables] });

  for (const [type, node] of all) {
    if (!NODE_TYPES.has(type)) return fail(`uses ${type}, which a read-only query does not need`);
    switch (type) {
      case "SelectStmt":
        if (node.intoClause) return fail("SELECT INTO writes a table");
        if (node.lockingClause) return fail("locking clauses (FOR UPDATE/SHARE) are not allowed");
        break;
      case "RangeVar": {
        const relname = String(node.relname);
        if (node.catalogname)
          return fail(`${node.catalogname}.${node.schemaname}.${relname}: no other databases`);
        if (node.schemaname === undefined) {
          if (cteNames.has(relname)) break;
          return fail(`table ${relname} is not qualified: name warehouse tables as risk.<table>`);
        }
        if (node.schemaname !== "risk")
          return fail(`schema ${node.schemaname} is not readable: only schema risk is`);
        if (!policy.tables.has(relname)) return fail(`risk.${relname} is not a readable table`);
        tables.add(relname);
        break;
      }
      case "ColumnRef": {
        const fields = node.fields as Node[];
        const last = fields.at(-1) as Node;
        if ("A_Star" in last) {
          const qualifier = fields.length > 1 ? names(fields.slice(0, -1)).at(-1) : undefined;
          const starTables = qualifier
            ? [aliasTable.get(qualifier)].filter(Boolean)
            : [...aliasTable.values()];
          for (const table of starTables)
            if ((policy.hidden.get(table as string)?.size ?? 0) > 0)
              return fail(`* would read hidden columns of risk.${table}; name the columns`);
          break;
        }
        const parts = names(fields);
        const column = parts.at(-1) as string;
        const qualifier = parts.length > 1 ? parts.at(-2) : undefined;
        if (parts.length > 3) return fail(`column reference ${parts.join(".")} is too deep`);
        const qualifiedTable = qualifier ? aliasTable.get(qualifier) : undefined;
        if (qualifiedTable) {
          if (!policy.tables.get(qualifiedTable)?.has(column))
            return fail(`risk.${qualifiedTable} has no readable column ${column}`);
          break;
        }
        const isColumn = [...aliasTable.values()].some((t) => policy.tables.get(t)?.has(column));
        if (!qualifier && aliasTable.has(column) && !isColumn)
          return fail(
            `${column} is a whole row of risk.${aliasTable.get(column)}: name the columns`,
          );
        for (const table of aliasTable.values())
          if (policy.hidden.get(table)?.has(column)) return fail(`column ${column} is hidden`);
        const known = defined.has(column) || isColumn;
        if (!known) return fail(`unknown column ${parts.join(".")}`);
        break;
      }
      case "FuncCall": {
        const parts = names(node.funcname).map((p) => p.toLowerCase());
        const name = parts.at(-1) as string;
        if (parts.length > 2 || (parts.length === 2 && parts[0] !== "pg_catalog"))
          return fail(`function ${parts.join(".")} is outside pg_catalog`);
        if (!policy.functions.has(name)) return fail(`function ${name}() is not allowed`);
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
  return { violation: null, tables: [...tables].sort() };
}
