// Resolves every relation and column of a parsed SELECT where PostgreSQL resolves
// it: a CTE's name only inside the statement that defines it (and the CTEs after
// it), a column against the relations of its own query level first and then the
// levels around it, `*` against what it expands to. A relation is either a table
// of schema `risk` the policy lets the query read, or something the query built
// itself (a CTE, a subquery, a set-returning function) whose columns were checked
// where they were made. So whatever PostgreSQL picks, it picks something checked.
// Output aliases name results, never inputs: they are visible only to ORDER BY and
// GROUP BY, as in PostgreSQL. Joins must join on a key (see joins.ts).
import { checkName, hiddenColumn, resolveColumn, withHidden } from "./columns.js";
import { checkJoins } from "./joins.js";
import { refuseAmplifiedColumns } from "./output-size.js";
import { correlatedAliases, outputNames, returnsOneRow } from "./outputs.js";
import type { SqlPolicy } from "./policy.js";
import { Refusal, type Relation, type Scope, withoutSiblings } from "./relation.js";
import { type Node, names, unwrap } from "./tree.js";

export interface Resolution {
  tables: string[];
  relations: number;
}

/** Walks one statement; throws Refusal at the first thing it cannot resolve safely. */
export function resolveScopes(statement: Node, policy: SqlPolicy): Resolution {
  const tables = new Set<string>();
  let relationCount = 0;

  const addRelation = (scope: Scope, relation: Relation) => {
    relationCount += 1;
    if (relationCount > policy.maxRelations)
      throw new Refusal(
        `the query reads more than ${policy.maxRelations} relations; split it into smaller questions`,
      );
    scope.relations.push(relation);
  };

  const findCte = (scope: Scope | undefined, name: string): ReadonlySet<string> | undefined => {
    for (let s = scope; s; s = s.parent) {
      const columns = s.ctes.get(name);
      if (columns) return columns;
    }
    return undefined;
  };

  /** Expressions: columns resolved in `scope`, subqueries as their own level. */
  function expression(value: unknown, scope: Scope, outputsVisible = false): void {
    if (Array.isArray(value)) {
      for (const item of value) expression(item, scope, outputsVisible);
      return;
    }
    if (!value || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value as Node)) {
      if (key === "ColumnRef") resolveColumn(child as Node, scope, policy, outputsVisible);
      else if (key === "SubLink") {
        expression((child as Node).testexpr, scope);
        select(unwrap((child as Node).subselect, "SelectStmt") ?? {}, scope);
      } else if (key === "SelectStmt") select(child as Node, scope);
      else if (key === "A_Indirection") {
        for (const field of ((child as Node).indirection as Node[]) ?? [])
          if (field.String) checkName(String((field.String as Node).sval), "a field");
        expression(child, scope, outputsVisible);
      } else if (key === "RangeVar" || key === "RangeSubselect" || key === "RangeFunction")
        throw new Refusal(`a relation cannot stand inside an expression`);
      else expression(child, scope, outputsVisible);
    }
  }

  const hiddenIn = (r: Relation, name: string) => hiddenColumn(r, name, policy);
  const hasHidden = (r: Relation) => withHidden(r, policy);

  function fromItem(item: Node, scope: Scope): Relation[] {
    const [type] = Object.keys(item);
    const node = item[type as string] as Node;
    const alias = node.alias as Node | undefined;
    const aliasColumns = names(alias?.colnames);
    for (const name of aliasColumns) checkName(name, "a column alias");
    if (type === "RangeVar") return [rangeVar(node, scope, alias, aliasColumns)];
    if (type === "RangeSubselect") {
      const inner = unwrap(node.subquery, "SelectStmt");
      if (!inner) throw new Refusal("a subquery in FROM must be a SELECT");
      const lateral = node.lateral === true;
      const outputs = select(inner, lateral ? scope : withoutSiblings(scope), true);
      const relation: Relation = {
        alias: String(alias?.aliasname ?? "?subquery"),
        columns: new Set(aliasColumns.length ? aliasColumns : outputs),
        lateral,
        singleRow: returnsOneRow(inner),
        correlated: lateral ? correlatedAliases(inner, scope) : new Set(),
      };
      addRelation(scope, relation);
      return [relation];
    }
    if (type === "RangeFunction") {
      const sees = node.lateral === true ? scope : withoutSiblings(scope);
      for (const entry of (node.functions as Node[]) ?? [])
        expression(((entry.List as Node | undefined)?.items as unknown[])?.[0], sees);
      const aliasName = alias?.aliasname ? String(alias.aliasname) : "?function";
      const columns = aliasColumns.length ? [...aliasColumns] : [aliasName];
      if (node.ordinality === true) columns.push("ordinality");
      const relation: Relation = {
        alias: aliasName,
        columns: new Set(columns),
        lateral: node.lateral === true,
        singleRow: false,
        correlated: new Set(),
      };
      addRelation(scope, relation);
      return [relation];
    }
    if (type === "JoinExpr") {
      const left = fromItem(node.larg as Node, scope);
      const right = fromItem(node.rarg as Node, scope);
      const joined = [...left, ...right];
      for (const name of names(node.usingClause)) {
        checkName(name, "a join column");
        if (joined.some((r) => hiddenIn(r, name)))
          throw new Refusal(`a join may not use the hidden column ${name}`);
      }
      if (node.isNatural === true && joined.some((r) => hasHidden(r)))
        throw new Refusal("NATURAL JOIN over a table with hidden columns: join on named columns");
      // ON sees the join's own two sides (and outer levels), not the other FROM items.
      expression(node.quals, { ...withoutSiblings(scope), relations: joined });
      checkJoins.joinExpr(node, left, right);
      if (alias?.aliasname) {
        const relation: Relation = {
          alias: String(alias.aliasname),
          columns: new Set(joined.flatMap((r) => [...r.columns])),
          lateral: false,
          singleRow: false,
          correlated: new Set(),
          members: joined,
        };
        scope.relations.push(relation);
        return [relation];
      }
      return joined;
    }
    throw new Refusal(`${type} is not allowed in FROM`);
  }

  function rangeVar(node: Node, scope: Scope, alias: Node | undefined, aliasColumns: string[]) {
    const relname = String(node.relname);
    const aliasName = String(alias?.aliasname ?? relname);
    if (node.catalogname)
      throw new Refusal(`${node.catalogname}.${node.schemaname}.${relname}: no other databases`);
    let relation: Relation;
    if (node.schemaname === undefined) {
      const cte = findCte(scope, relname);
      if (!cte)
        throw new Refusal(
          `table ${relname} is not qualified and no WITH query of that name is in scope: name warehouse tables as risk.<table>`,
        );
      const columns = aliasColumns.length ? aliasColumns : [...cte];
      relation = {
        alias: aliasName,
        columns: new Set(columns),
        lateral: false,
        singleRow: false,
        correlated: new Set(),
      };
    } else {
      if (node.schemaname !== "risk")
        throw new Refusal(`schema ${node.schemaname} is not readable: only schema risk is`);
      const columns = policy.tables.get(relname);
      if (!columns) throw new Refusal(`risk.${relname} is not a readable table`);
      if (aliasColumns.length)
        throw new Refusal(
          `column aliases on risk.${relname} would rename its columns; use AS in the select list`,
        );
      tables.add(relname);
      relation = {
        alias: aliasName,
        table: relname,
        columns,
        lateral: false,
        singleRow: false,
        correlated: new Set(),
      };
    }
    addRelation(scope, relation);
    return relation;
  }

  /** Checks one query level and returns the names of its output columns. */
  function select(node: Node, parent: Scope | undefined, derived = false): string[] {
    const scope: Scope = { parent, ctes: new Map(), relations: [], outputs: new Set() };
    const withClause = node.withClause as Node | undefined;
    for (const entry of (withClause?.ctes as Node[]) ?? []) {
      const cte = entry.CommonTableExpr as Node;
      const body = unwrap(cte.ctequery, "SelectStmt");
      if (!body) throw new Refusal("a WITH query must be a SELECT");
      const outputs = select(body, scope, true);
      const renamed = names(cte.aliascolnames);
      for (const name of renamed) checkName(name, "a column alias");
      scope.ctes.set(String(cte.ctename), new Set(renamed.length ? renamed : outputs));
    }
    if (node.op && node.op !== "SETOP_NONE") {
      const outputs = select(node.larg as Node, scope, derived);
      select(node.rarg as Node, scope, derived);
      const level: Scope = {
        parent: scope,
        ctes: new Map(),
        relations: [],
        outputs: new Set(outputs),
      };
      expression([node.sortClause, node.limitCount, node.limitOffset], level, true);
      return outputs;
    }
    if (Array.isArray(node.valuesLists)) {
      if (derived) refuseAmplifiedColumns(node.valuesLists);
      expression(node.valuesLists, scope);
      const width = ((node.valuesLists[0] as Node | undefined)?.List as Node | undefined)?.items;
      return Array.from(
        { length: Array.isArray(width) ? width.length : 0 },
        (_, i) => `column${i + 1}`,
      );
    }
    const items = ((node.fromClause as Node[]) ?? []).map((item) => fromItem(item, scope));
    checkJoins.commaJoins(items, node.whereClause as Node | undefined);
    const targets = ((node.targetList as Node[]) ?? []).map((t) => t.ResTarget as Node);
    const outputs: string[] = [];
    for (const target of targets) {
      if (derived) refuseAmplifiedColumns(target.val);
      expression(target.val, scope);
      if (typeof target.name === "string") checkName(target.name, "an output name");
      outputs.push(...outputNames(target, scope));
    }
    for (const name of outputs) scope.outputs.add(name);
    expression(
      [node.whereClause, node.havingClause, node.windowClause, node.distinctClause],
      scope,
    );
    expression([node.groupClause, node.sortClause], scope, true);
    expression([node.limitCount, node.limitOffset], scope);
    return outputs;
  }

  select(statement.SelectStmt as Node, undefined);
  return { tables: [...tables].sort(), relations: relationCount };
}
