// Query passes of the search benchmark. Each pass runs in one transaction whose
// settings are SET LOCAL, so they hold for every query of the pass on either engine
// (a pooled server connection would otherwise lose a session SET between queries),
// and only the queries themselves are timed.
import { quantile } from "../cli/eval/metrics.js";
import { vectorIndexName } from "../db/repositories/documents.js";
import type { Database } from "../db/types.js";
import { hybridSearch } from "../tools/search/hybrid.js";
import { LOCAL_EMBEDDING_MODEL } from "../tools/vector/local-embedder.js";
import type { Embedder } from "../tools/vector/types.js";

export const MODEL = LOCAL_EMBEDDING_MODEL;
export const DIMS = 100;
export const INDEX = vectorIndexName(MODEL);

/** Top-k by cosine distance: the expression and predicate of the model's partial index. */
export const vectorSql = (k: number) =>
  `SELECT c.chunk_id FROM casehound.chunks c
    WHERE c.embedding_model = '${MODEL}'
    ORDER BY c.embedding::vector(${DIMS}) <=> $1::vector(${DIMS}) LIMIT ${k}`;

/** The vector half of hybridSearch as it is written there (nearest first, then the join). */
export const hybridVectorSql = `SELECT c.chunk_id FROM (
     SELECT c.chunk_id, c.embedding::vector(${DIMS}) <=> $1::vector(${DIMS}) AS distance
       FROM casehound.chunks c WHERE c.embedding_model = '${MODEL}'
      ORDER BY c.embedding::vector(${DIMS}) <=> $1::vector(${DIMS}) LIMIT $2) AS near
     JOIN casehound.chunks c USING (chunk_id) JOIN casehound.documents d USING (doc_id)
   WHERE ($3::text IS NULL OR d.kind = $3) ORDER BY near.distance, c.chunk_id LIMIT $2`;

/** The full-text half of hybridSearch in its any-word fallback (its slowest form). */
export const hybridFtsSql = `SELECT c.chunk_id FROM casehound.chunks c JOIN casehound.documents d USING (doc_id),
        replace(plainto_tsquery('english', $1)::text, '&', '|') AS qt
  WHERE qt <> '' AND c.tsv @@ qt::tsquery AND ($3::text IS NULL OR d.kind = $3)
  ORDER BY ts_rank_cd(c.tsv, qt::tsquery) DESC, c.chunk_id LIMIT $2`;

export interface Latency {
  p50: number;
  p95: number;
}

const latency = (ms: number[]): Latency => ({ p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) });

/** The plan's node lines, one string ("Limit > Index Scan using ... > ..."). */
export async function planOf(
  db: Database,
  settings: string[],
  sql: string,
  params: unknown[],
): Promise<string> {
  return db.transaction(async (tx) => {
    for (const s of settings) await tx.exec(s);
    const { rows } = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN (COSTS OFF) ${sql}`, params);
    // Plan nodes only: the first line and the "->" lines, not their properties.
    return rows
      .map((r) => r["QUERY PLAN"].trim())
      .filter((line, i) => i === 0 || line.startsWith("->"))
      .map((line) => line.replace(/^->\s*/, ""))
      .join(" > ");
  });
}

export interface VectorPass extends Latency {
  ids: string[][];
  /** Mean rows a LIMIT 50 query returned (hybridSearch asks for 50 candidates). */
  rowsAt50: number;
  /** The setting as the server saw it, read back inside the pass. */
  efSeen: string;
}

export async function vectorPass(
  db: Database,
  settings: string[],
  vectors: readonly string[],
): Promise<VectorPass> {
  return db.transaction(async (tx) => {
    for (const s of settings) await tx.exec(s);
    const ms: number[] = [];
    const ids: string[][] = [];
    for (const v of vectors) {
      const started = performance.now();
      const { rows } = await tx.query<{ chunk_id: string }>(vectorSql(10), [v]);
      ms.push(performance.now() - started);
      ids.push(rows.map((r) => r.chunk_id));
    }
    let rows50 = 0;
    for (const v of vectors) rows50 += (await tx.query(hybridVectorSql, [v, 50, null])).rows.length;
    const { rows } = await tx.query<{ hnsw_ef: string }>(
      "SELECT current_setting('hnsw.ef_search') AS hnsw_ef",
    );
    return {
      ...latency(ms),
      ids,
      rowsAt50: rows50 / vectors.length,
      efSeen: rows[0]?.hnsw_ef ?? "?",
    };
  });
}

/** hybridSearch's full-text query alone, with how many chunks each query matched. */
export async function ftsPass(
  db: Database,
  queries: readonly string[],
): Promise<Latency & { queries: number; matched: number }> {
  const ms: number[] = [];
  let matched = 0;
  for (const q of queries) {
    const started = performance.now();
    await db.query(hybridFtsSql, [q, 50, null]);
    ms.push(performance.now() - started);
  }
  const sample = queries.slice(0, 20);
  for (const q of sample) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM casehound.chunks c
        WHERE c.tsv @@ replace(plainto_tsquery('english', $1)::text, '&', '|')::tsquery`,
      [q],
    );
    matched += rows[0]?.n ?? 0;
  }
  return { ...latency(ms), queries: queries.length, matched: matched / sample.length };
}

export async function hybridPass(
  db: Database,
  settings: string[],
  embedder: Embedder,
  queries: readonly string[],
): Promise<Latency> {
  return db.transaction(async (tx) => {
    for (const s of settings) await tx.exec(s);
    const ms: number[] = [];
    for (const q of queries) {
      const started = performance.now();
      await hybridSearch(tx, embedder, q);
      ms.push(performance.now() - started);
    }
    return latency(ms);
  });
}

/** Mean share of the exact top-10 that the approximate top-10 found. */
export function recallAt10(approx: readonly string[][], exact: readonly string[][]): number {
  let sum = 0;
  exact.forEach((truth, i) => {
    const found = new Set(approx[i]);
    sum += truth.length ? truth.filter((id) => found.has(id)).length / truth.length : 1;
  });
  return sum / exact.length;
}
