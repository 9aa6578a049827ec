// Reading libpg-query's JSON parse tree: a node is an object keyed by its type, and
// names (of functions, operators, columns) are lists of String nodes.

export type Node = Record<string, unknown>;

/** The strings of a list of String nodes ("?" for anything else). */
export const names = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((item) => String(((item as Node).String as Node | undefined)?.sval ?? "?"))
    : [];

/** The node of type `type` inside a wrapper like {SelectStmt: {...}}. */
export const unwrap = (node: unknown, type: string): Node | undefined =>
  (node as Node | undefined)?.[type] as Node | undefined;
