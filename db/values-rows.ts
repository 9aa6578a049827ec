// A multi-row VALUES list with numbered parameters, so several rows go to the
// database in one statement instead of one round trip each. Both engines accept it.

/**
 * `rows` (each the same width) as `($k, $k+1, …), (…)` with their flattened
 * parameters; numbering starts after `leading` parameters the caller binds itself.
 */
export function valuesRows(
  rows: readonly (readonly unknown[])[],
  leading: readonly unknown[] = [],
): { sql: string; params: unknown[] } {
  const params: unknown[] = [...leading];
  const tuples = rows.map((row) => {
    const start = params.length;
    params.push(...row);
    return `(${row.map((_, i) => `$${start + i + 1}`).join(", ")})`;
  });
  return { sql: tuples.join(", "), params };
}
