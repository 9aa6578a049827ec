// Column references, resolved where PostgreSQL resolves them: qualified ones by the
// innermost relation of that alias, bare ones level by level from the innermost
// out — but never past a level that reads a table, since a table may hold a column
// of that name the policy does not list (an outer column is named alias.column).
// Output names count only where ORDER BY and GROUP BY may use them; `*` only where
// it reads no hidden column; a system column name never.
import type { SqlPolicy } from "./policy.js";
import { Refusal, type Relation, type Scope, SYSTEM_COLUMNS } from "./relation.js";
import { type Node, names } from "./tree.js";

/** Refuses a system column's name wherever the query names something. */
export function checkName(name: string, what: string): void {
  if (SYSTEM_COLUMNS.has(name.toLowerCase()))
    throw new Refusal(`${name} is a system column name and cannot be used as ${what}`);
}

/** The innermost relation named `alias`, this level first. */
export function findRelation(scope: Scope | undefined, alias: string): Relation | undefined {
  for (let s = scope; s; s = s.parent) {
    const found = s.relations.findLast((r) => r.alias === alias);
    if (found) return found;
  }
  return undefined;
}

/** Throws a Refusal unless `ref` names something checked. */
export function resolveColumn(
  ref: Node,
  scope: Scope,
  policy: SqlPolicy,
  outputsVisible: boolean,
): void {
  const fields = ref.fields as Node[];
  const star = "A_Star" in (fields.at(-1) as Node);
  const parts = names(star ? fields.slice(0, -1) : fields);
  for (const part of parts) checkName(part, "a column");
  if (star) {
    starOf(parts, scope, policy);
    return;
  }
  if (parts.length > 3) throw new Refusal(`column reference ${parts.join(".")} is too deep`);
  const name = parts.at(-1) as string;
  if (parts.length === 1) {
    bareColumn(name, scope, policy, outputsVisible);
    return;
  }
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
function bareColumn(name: string, scope: Scope, policy: SqlPolicy, outputsVisible: boolean): void {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const hiddenIn = s.relations.find((r) => r.table && policy.hidden.get(r.table)?.has(name));
    if (hiddenIn) throw new Refusal(`column ${name} of risk.${hiddenIn.table} is hidden`);
    if (s === scope && outputsVisible && s.outputs.has(name)) return;
    if (s.relations.some((r) => r.columns.has(name))) return;
    const whole = s.relations.findLast((r) => r.alias === name);
    if (whole && readsTable(whole))
      throw new Refusal(`${name} is a whole row of a warehouse table: name the columns`);
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

/** A table, or a JOIN's alias over one: its whole row holds every real column. */
const readsTable = (r: Relation): boolean =>
  r.table !== undefined || (r.members ?? []).some(readsTable);

/** Whether a relation (or, for a JOIN's alias, any it joins) has hidden columns. */
export const withHidden = (r: Relation, policy: SqlPolicy): boolean =>
  (r.table !== undefined && (policy.hidden.get(r.table)?.size ?? 0) > 0) ||
  (r.members ?? []).some((m) => withHidden(m, policy));

/** Whether `name` is a hidden column of the relation (or of any a JOIN's alias joins). */
export const hiddenColumn = (r: Relation, name: string, policy: SqlPolicy): boolean =>
  (r.table !== undefined && policy.hidden.get(r.table)?.has(name) === true) ||
  (r.members ?? []).some((m) => hiddenColumn(m, name, policy));

function resolvesOutside(name: string, scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent)
    if (s.relations.some((r) => r.columns.has(name) || r.alias === name)) return true;
  return false;
}

function starOf(qualifier: string[], scope: Scope, policy: SqlPolicy): void {
  const targets = qualifier.length
    ? [findRelation(scope, qualifier.at(-1) as string)]
    : scope.relations;
  for (const relation of targets) {
    if (!relation) throw new Refusal(`unknown relation ${qualifier.join(".")} before *`);
    if (withHidden(relation, policy))
      throw new Refusal(`* would read hidden columns of ${relation.alias}; name the columns`);
  }
}
