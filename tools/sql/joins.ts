// No rows out of nothing: two relations may stand side by side in a query only when
// something keys them together — an equality between a column of one and a column
// of the other (ON a.x = b.y, USING, NATURAL, or the same equality in WHERE for a
// comma-separated FROM). A LATERAL item is keyed by the relation it depends on, and
// a subquery that returns one row (aggregates without GROUP BY) multiplies nothing.
// Anything else is a cross join, which a few small relations turn into billions of
// rows; the guard refuses it, and the cost check before running catches what a key
// still allows.
import { Refusal, type Relation } from "./relation.js";
import { type Node, names } from "./tree.js";

/** The top-level AND conjuncts of a condition. */
function conjuncts(expr: Node | undefined): Node[] {
  if (!expr) return [];
  const bool = expr.BoolExpr as Node | undefined;
  if (bool?.boolop === "AND_EXPR") return (bool.args as Node[]).flatMap((arg) => conjuncts(arg));
  return [expr];
}

/** A column reference, seen through casts. */
function columnRef(expr: Node | undefined): string[] | undefined {
  if (!expr) return undefined;
  const cast = expr.TypeCast as Node | undefined;
  if (cast) return columnRef(cast.arg as Node);
  const ref = expr.ColumnRef as Node | undefined;
  return ref ? names(ref.fields) : undefined;
}

/** Pairs of column references that the condition requires to be equal. */
function equalities(condition: Node | undefined): [string[], string[]][] {
  const pairs: [string[], string[]][] = [];
  for (const conjunct of conjuncts(condition)) {
    const op = conjunct.A_Expr as Node | undefined;
    if (op?.kind !== "AEXPR_OP" || names(op.name).at(-1) !== "=") continue;
    const left = columnRef(op.lexpr as Node);
    const right = columnRef(op.rexpr as Node);
    if (left && right) pairs.push([left, right]);
  }
  return pairs;
}

/** Which of `groups` a column reference belongs to; -1 when none or unclear. */
function groupOf(parts: string[], groups: Relation[][]): number {
  if (parts.length > 1) {
    const alias = parts.at(-2) as string;
    return groups.findIndex((group) => group.some((r) => r.alias === alias));
  }
  const name = parts[0] as string;
  const holders = groups.flatMap((group, i) => (group.some((r) => r.columns.has(name)) ? [i] : []));
  return holders.length === 1 ? (holders[0] as number) : -1;
}

/**
 * A one-row subquery multiplies nothing; a LATERAL subquery is keyed when its WHERE
 * equates one of its columns with a column of an item on the other side.
 */
function keyedOnItsOwn(group: Relation[], others: Relation[][]): boolean {
  const item = group.length === 1 ? group[0] : undefined;
  if (!item) return false;
  if (item.singleRow) return true;
  if (!item.lateral) return false;
  const aliases = new Set(others.flat().map((r) => r.alias));
  return [...item.correlated].some((alias) => aliases.has(alias));
}

/** JOIN ... ON / USING / NATURAL: the two sides must be keyed. */
function joinExpr(node: Node, left: Relation[], right: Relation[]): void {
  if (names(node.usingClause).length > 0) return;
  if (node.isNatural === true) {
    const common = left.some((l) =>
      [...l.columns].some((c) => right.some((r) => r.columns.has(c))),
    );
    if (common) return;
    throw new Refusal("a NATURAL JOIN whose sides share no column is a cross join: join on a key");
  }
  if (keyedOnItsOwn(right, [left]) || keyedOnItsOwn(left, [right])) return;
  const groups = [left, right];
  for (const [a, b] of equalities(node.quals as Node | undefined)) {
    const ga = groupOf(a, groups);
    const gb = groupOf(b, groups);
    if (ga !== -1 && gb !== -1 && ga !== gb) return;
  }
  throw new Refusal(
    "a JOIN without an equality between its two sides is a cross join: join on a key (ON a.x = b.y)",
  );
}

/** FROM a, b, c: WHERE must key every item to the others. */
function commaJoins(items: Relation[][], where: Node | undefined): void {
  if (items.length <= 1) return;
  const root = items.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] as number;
    return i;
  };
  const union = (a: number, b: number) => {
    root[find(a)] = find(b);
  };
  items.forEach((group, i) => {
    if (i > 0 && keyedOnItsOwn(group, items.slice(0, i))) union(i, 0);
  });
  for (const [a, b] of equalities(where)) {
    const ga = groupOf(a, items);
    const gb = groupOf(b, items);
    if (ga !== -1 && gb !== -1) union(ga, gb);
  }
  if (items.some((_, i) => find(i) !== find(0)))
    throw new Refusal(
      "FROM lists relations with no equality between them in WHERE (a cross join): join them on a key",
    );
}

export const checkJoins = { joinExpr, commaJoins };
