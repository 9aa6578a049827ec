// What the guard's scope walk knows about a query: the relations each level reads
// and the names it may resolve, and the refusal it throws from deep inside the walk.

/** Thrown inside the walk; the guard turns it into a refusal with this message. */
export class Refusal extends Error {}

/** System columns PostgreSQL adds to every table: never readable, never a name. */
export const SYSTEM_COLUMNS = new Set(["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid", "oid"]);

export interface Relation {
  alias: string;
  /** The risk table behind it; undefined for what the query built itself. */
  table?: string;
  columns: ReadonlySet<string>;
  /** True for LATERAL items, which may depend on the relations before them. */
  lateral: boolean;
  /** True for a subquery that returns exactly one row (aggregates, no GROUP BY). */
  singleRow: boolean;
  /** For a LATERAL subquery: the aliases of earlier items its WHERE equates columns with. */
  correlated: ReadonlySet<string>;
  /** For a JOIN's alias: the relations it joins (their hidden columns stay hidden). */
  members?: readonly Relation[];
}

export interface Scope {
  parent?: Scope;
  /** WITH queries defined at this level, by name, with their output columns. */
  ctes: Map<string, ReadonlySet<string>>;
  relations: Relation[];
  /** Output names of this level, visible to ORDER BY and GROUP BY only. */
  outputs: Set<string>;
}

/** The scope a non-LATERAL item sees: its level's WITH queries and the outer levels, no siblings. */
export const withoutSiblings = (scope: Scope): Scope => ({
  parent: scope.parent,
  ctes: scope.ctes,
  relations: [],
  outputs: new Set(),
});
