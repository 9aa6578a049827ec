// The names of a query level's output columns, as an outer query may refer to them,
// and whether a subquery returns exactly one row. Approximate on purpose: a name
// PostgreSQL gives that is not here only makes the guard refuse a reference to it,
// and every output column is an expression the guard checked.
import { findRelation } from "./columns.js";
import type { Scope } from "./relation.js";
import { type Node, names } from "./tree.js";

const AGGREGATES = new Set(["count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every"]);

export function outputNames(target: Node, scope: Scope): string[] {
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

/** True for aggregates without GROUP BY: one row, whatever it reads. */
export function returnsOneRow(node: Node): boolean {
  if ((node.op && node.op !== "SETOP_NONE") || node.groupClause || node.valuesLists) return false;
  const targets = ((node.targetList as Node[]) ?? []).map((t) => (t.ResTarget as Node).val as Node);
  return (
    targets.length > 0 &&
    targets.every((val) => {
      const call = val.FuncCall as Node | undefined;
      return call !== undefined && AGGREGATES.has(names(call.funcname).at(-1) ?? "") && !call.over;
    })
  );
}

/**
 * The earlier FROM items a LATERAL subquery is keyed to: the aliases (in `scope`, its
 * siblings) that its WHERE equates one of its own columns with.
 */
export function correlatedAliases(node: Node, scope: Scope): Set<string> {
  const siblings = new Set(scope.relations.map((r) => r.alias));
  const found = new Set<string>();
  const visit = (expr: Node | undefined) => {
    const bool = expr?.BoolExpr as Node | undefined;
    if (bool?.boolop === "AND_EXPR") return (bool.args as Node[]).forEach(visit);
    const op = expr?.A_Expr as Node | undefined;
    if (op?.kind !== "AEXPR_OP" || names(op.name).at(-1) !== "=") return;
    for (const side of [op.lexpr, op.rexpr]) {
      const ref = (side as Node | undefined)?.ColumnRef as Node | undefined;
      const parts = ref ? names(ref.fields) : [];
      const qualifier = parts.length > 1 ? parts.at(-2) : undefined;
      if (qualifier && siblings.has(qualifier)) found.add(qualifier);
    }
  };
  visit(node.whereClause as Node | undefined);
  return found;
}
