// Value parsing shared by both engines, so a row looks the same whichever engine read it.
import pgvector from "pgvector";

export type TextParser = (value: string) => unknown;

/** int8 as a number when it fits exactly, otherwise a bigint (PGlite's own rule). */
export function parseInt8(value: string): number | bigint {
  const big = BigInt(value);
  return big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)
    ? big
    : Number(big);
}

export function parseVector(value: string): number[] {
  return pgvector.fromSql(value) as number[];
}

export const VECTOR_TYPE_QUERY =
  "SELECT oid::int AS oid FROM pg_type WHERE typname = 'vector' ORDER BY oid LIMIT 1";
