// Resolves every relation and column of a parsed SELECT where PostgreSQL resolves
// it: a CTE's name only inside the statement that defines it (and the CTEs after
// it), a column against the relations of its own query level first and then the
// levels around it, `*` against what it expands to. A relation is either a table
// of schema `risk` the policy lets the query read, or something the query built
// itself (a CTE, a subquery, a set-returning function) whose columns were checked
// where they were made. So whatever PostgreSQL picks, it picks something checked.
// Output aliases name results, never inputs: they are visible only to ORDER BY and
// GROUP BY, as in PostgreSQL. Joins must join on a key (see joins.ts).
import { checkJoins } from "./joins.js";
import type { SqlPolicy } from "./policy.js";
import { Refusal, type Relation, type Scope, SYSTEM_COLUMNS } from "./relation.js";

type Node = Record<string, unknown>;

export interface Resolution {
  tables: string[];
  relations: number;
}

const sval = (node: unknown): string =>
  String(((node as Node | undefined)?.String as Node | undefined)?.sval ?? "?");
const names = (list: unknown): string[] => (Array.isArray(list) ? list.map(sval) : []);
const unwrap = (node: unknown, type: string): Node | undefined =>
  (node as Node | undefined)?.[type] as Node | undefined;

const AGGREGATES = new Set(["count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every"]);

/** Walks one statement; throws Refusal at the first thing it cannot resolve safely. */
export function resolveScopes(statement: Node, policy: SqlPolicy): Resolution {
  const tables = new Set<string>();
  let relationCount = 0;

  const noteName = (name: string, what: string) => {
    if (SYSTEM_COLUMNS.has(name.toLowerCase()))
      throw new Refusal(`${name} is a system column name and cannot be used as ${what}`);
  };

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

  const findRelation = (scope: Scope | undefined, alias: string): Relation | undefined => {
    for (let s = scope; s; s = s.parent) {
      const found = s.relations.findLast((r) => r.alias === alias);
      if (found) return found;
    }
    return undefined;
  };

  function column(ref: Node, scope: Scope, outputsVisible: boolean): void {
    const fields = ref.fields as Node[];
    const star = "A_Star" in (fields.at(-1) as Node);
    const parts = names(star ? fields.slice(0, -1) : fields);
    for (const part of parts) noteName(part, "a column");
    if (star) return starOf(parts, scope);
    if (parts.length > 3) throw new Refusal(`column reference ${parts.join(".")} is too deep`);
    const name = parts.at(-1) as string;
    if (parts.length === 1) return bareColumn(name, scope, outputsVisible);
    const qualifier = parts.length === 3 ? `${parts[0]}.${parts[1]}` : (parts[0] as string);
    const relation =
      parts.length === 3
        ? parts[0] === "risk"
          ? findRelation(scope, parts[1] as string)
          : undefined
        : findRelation(scope, qualifier);
    if (!relation || (parts.length === 3 && relation.table !== parts[1]))
      throw new Refusal(`unknown relation ${qualifier} in ${parts.join(".")}`);
    if (!relation.columns.has(name))
      throw new Refusal(
        relation.table
          ? `risk.${relation.table} has no readable column ${name}`
          : `${relation.alias} has no column ${name}`,
      );
  }

  /**
   * A column named without its relation. PostgreSQL looks through the levels from
   * the innermost out; a table may hold columns the policy does not list, so the
   * walk never passes a level that reads a table: outer references are qualified.
   */
  function bareColumn(name: string, scope: Scope, outputsVisible: boolean): void {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const hiddenIn = s.relations.find((r) => r.table && policy.hidden.get(r.table)?.has(name));
      if (hiddenIn) throw new Refusal(`column ${name} of risk.${hiddenIn.table} is hidden`);
      if (s === scope && outputsVisible && s.outputs.has(name)) return;
      if (s.relations.some((r) => r.columns.has(name))) return;
      const whole = s.relations.findLast((r) => r.alias === name);
      if (whole?.table)
        throw new Refusal(`${name} is a whole row of risk.${whole.table}: name the columns`);
      if (whole) return;
      if (s.relations.some((r) => r.table))
        throw new Refusal(
          s.parent && resolvesOutside(name, s.parent)
            ? `unknown column ${name} here: name a column of an outer query as alias.column`
            : `unknown column ${name}`,
        );
    }
    throw new Refusal(`unknown column ${name}`);
  }

  function resolvesOutside(name: string, scope: Scope): boolean {
    for (let s: Scope | undefined = scope; s; s = s.parent)
      if (s.relations.some((r) => r.columns.has(name) || r.alias === name)) return true;
    return false;
  }

  function starOf(qualifier: string[], scope: Scope): void {
    const targets = qualifier.length
      ? [findRelation(scope, qualifier.at(-1) as string)]
      : scope.relations;
    for (const relation of targets) {
      if (!relation) throw new Refusal(`unknown relation ${qualifier.join(".")} before *`);
      if (relation.table && (policy.hidden.get(relation.table)?.size ?? 0) > 0)
        throw new Refusal(
          `* would read hidden columns of risk.${relation.table}; name the columns`,
        );
    }
  }

  /** Expressions: columns resolved in `scope`, subqueries as their own level. */
  function expression(value: unknown, scope: Scope, outputsVisible = false): void {
    if (Array.isArray(value)) {
      for (const item of value) expression(item, scope, outputsVisible);
      return;
    }
    if (!value || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value as Node)) {
      if (key === "ColumnRef") column(child as Node, scope, outputsVisible);
      else if (key === "SubLink") {
        expression((child as Node).testexpr, scope);
        select(unwrap((child as Node).subselect, "SelectStmt") ?? {}, scope);
      } else if (key === "SelectStmt") select(child as Node, scope);
      else if (key === "RangeVar" || key === "RangeSubselect" || key === "RangeFunction")
        throw new Refusal(`a relation cannot stand inside an expression`);
      else expression(child, scope, outputsVisible);
    }
  }

  function fromItem(item: Node, scope: Scope): Relation[] {
    const [type] = Object.keys(item);
    const node = item[type as string] as Node;
    const alias = node.alias as Node | undefined;
    const aliasColumns = names(alias?.colnames);
    for (const name of aliasColumns) noteName(name, "a column alias");
    if (type === "RangeVar") return [rangeVar(node, scope, alias, aliasColumns)];
    if (type === "RangeSubselect") {
      const inner = unwrap(node.subquery, "SelectStmt");
      if (!inner) throw new Refusal("a subquery in FROM must be a SELECT");
      const outputs = select(inner, scope);
      const relation: Relation = {
        alias: String(alias?.aliasname ?? "?subquery"),
        columns: new Set(aliasColumns.length ? aliasColumns : outputs),
        lateral: node.lateral === true,
        singleRow: returnsOneRow(inner),
      };
      addRelation(scope, relation);
      return [relation];
    }
    if (type === "RangeFunction") {
      for (const entry of (node.functions as Node[]) ?? [])
        expression(((entry.List as Node | undefined)?.items as unknown[])?.[0], scope);
      const aliasName = alias?.aliasname ? String(alias.aliasname) : "?function";
      const columns = aliasColumns.length ? [...aliasColumns] : [aliasName];
      if (node.ordinality === true) columns.push("ordinality");
      const relation: Relation = {
        alias: aliasName,
        columns: new Set(columns),
        lateral: node.lateral === true,
        singleRow: false,
      };
      addRelation(scope, relation);
      return [relation];
    }
    if (type === "JoinExpr") {
      const left = fromItem(node.larg as Node, scope);
      const right = fromItem(node.rarg as Node, scope);
      for (const name of names(node.usingClause)) noteName(name, "a join column");
      expression(node.quals, scope);
      checkJoins.joinExpr(node, left, right);
      const joined = [...left, ...right];
      if (alias?.aliasname) {
        const relation: Relation = {
          alias: String(alias.aliasname),
          columns: new Set(joined.flatMap((r) => [...r.columns])),
          lateral: false,
          singleRow: false,
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
      relation = { alias: aliasName, columns: new Set(columns), lateral: false, singleRow: false };
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
      relation = { alias: aliasName, table: relname, columns, lateral: false, singleRow: false };
    }
    addRelation(scope, relation);
    return relation;
  }

  /** Checks one query level and returns the names of its output columns. */
  function select(node: Node, parent: Scope | undefined): string[] {
    const scope: Scope = { parent, ctes: new Map(), relations: [], outputs: new Set() };
    const withClause = node.withClause as Node | undefined;
    for (const entry of (withClause?.ctes as Node[]) ?? []) {
      const cte = entry.CommonTableExpr as Node;
      const body = unwrap(cte.ctequery, "SelectStmt");
      if (!body) throw new Refusal("a WITH query must be a SELECT");
      const outputs = select(body, scope);
      const renamed = names(cte.aliascolnames);
      for (const name of renamed) noteName(name, "a column alias");
      scope.ctes.set(String(cte.ctename), new Set(renamed.length ? renamed : outputs));
    }
    if (node.op && node.op !== "SETOP_NONE") {
      const outputs = select(node.larg as Node, scope);
      select(node.rarg as Node, scope);
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
      expression(target.val, scope);
      if (typeof target.name === "string") noteName(target.name, "an output name");
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

  function outputNames(target: Node, scope: Scope): string[] {
    if (typeof target.name === "string") return [target.name];
    const val = target.val as Node;
    const ref = val.ColumnRef as Node | undefined;
    if (ref) {
      const fields = ref.fields as Node[];
      if (!("A_Star" in (fields.at(-1) as Node))) return [names(fields).at(-1) as string];
      const qualifier = names(fields.slice(0, -1)).at(-1);
      const relations = qualifier ? [findRelation(scope, qualifier)] : scope.relations;
      return relations.flatMap((r) => (r ? [...r.columns] : []));
    }
    const call = val.FuncCall as Node | undefined;
    if (call) return [names(call.funcname).at(-1) as string];
    return ["?column?"];
  }

  function returnsOneRow(node: Node): boolean {
    if ((node.op && node.op !== "SETOP_NONE") || node.groupClause || node.valuesLists) return false;
    const targets = ((node.targetList as Node[]) ?? []).map(
      (t) => (t.ResTarget as Node).val as Node,
    );
    return (
      targets.length > 0 &&
      targets.every((val) => {
        const call = val.FuncCall as Node | undefined;
        return (
          call !== undefined && AGGREGATES.has(names(call.funcname).at(-1) ?? "") && !call.over
        );
      })
    );
  }

  select(statement.SelectStmt as Node, undefined);
  return { tables: [...tables].sort(), relations: relationCount };
}
