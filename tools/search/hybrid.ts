// Hybrid retrieval over the corpus's chunks: full-text (ts_rank_cd, any of the query's
// words) and vector (cosine, through the model's HNSW index) candidates, fused by
// reciprocal rank fusion. A chunk that names one of the case's entities exactly (the
// shop's name, the seller's id, as whole words) gets a boost worth one more first
// place, so a page about "Bright Nova Store" outranks one about "Bright Nova Stores".
import { assertModelName, vectorLiteral } from "../../db/repositories/documents.js";
import type { Queryable } from "../../db/types.js";
import type { Embedder } from "../vector/types.js";

export interface HybridHit {
  chunkId: string;
  docId: string;
  kind: "web" | "kb";
  url: string | null;
  title: string;
  heading: string;
  text: string;
  source: string;
  topics: string[];
  contentHash: string | null;
  publishedAt: string | null;
  /** Rank in each candidate list (1-based), null when absent from it. */
  ftsRank: number | null;
  vectorRank: number | null;
  /** Entities named exactly, as given. */
  matched: string[];
  score: number;
}

export interface HybridOptions {
  limit?: number;
  /** Exact names to boost (shop name, seller id). */
  entities?: readonly string[];
  kind?: "web" | "kb";
  /** Only documents about one of these topics (typologies, or "policy"). */
  topics?: readonly string[];
  /** Candidates taken from each list before fusion. */
  candidates?: number;
}

/** The RRF constant: 60 is the value from the original paper and holds up widely. */
const RRF_K = 60;

export function namesExactly(text: string, entity: string): boolean {
  const name = entity.trim();
  if (name.length < 3) return false;
  return nameRegExp(name).test(text);
}

// Compiling the pattern (Unicode classes, lookarounds) cost more than matching it:
// a case tests its few names against every hit of every search, so each name's
// pattern is compiled once per process. Without the g flag, test() keeps no state.
const compiled = new Map<string, RegExp>();

function nameRegExp(name: string): RegExp {
  let re = compiled.get(name);
  if (re) return re;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  // Not part of a longer name: no letters, digits, "-", "." or "@" joined on, and no
  // shop-type word after it ("Bright Nova Store Outlet" is another shop).
  re = new RegExp(
    `(?<![\\p{L}\\p{N}_@.-])${escaped}(?![\\p{L}\\p{N}_@]|[-.][\\p{L}\\p{N}])(?!\\s+(?:${SHOP_WORDS})\\b)`,
    "iu",
  );
  if (compiled.size >= 1024) compiled.delete(compiled.keys().next().value as string);
  compiled.set(name, re);
  return re;
}

/** Words that, after a shop's name, make it the name of another shop. */
const SHOP_WORDS =
  "outlet|outlets|official|shop|shops|store|stores|co|company|inc|ltd|llc|gmbh|mall|warehouse";

interface Row {
  chunk_id: string;
  doc_id: string;
  kind: "web" | "kb";
  url: string | null;
  title: string;
  heading: string;
  body: string;
  source: string;
  topics: string[];
  content_hash: string | null;
  published_at: Date | null;
}

const COLUMNS = `c.chunk_id, c.doc_id, d.kind, d.url, d.title, c.heading, c.body, d.source, d.topics,
  d.content_hash, d.published_at`;

export async function hybridSearch(
  db: Queryable,
  embedder: Embedder | null,
  query: string,
  options: HybridOptions = {},
): Promise<HybridHit[]> {
  const text = query.slice(0, 500);
  const limit = Math.max(1, Math.min(options.limit ?? 10, 50));
  const k = options.candidates ?? Math.max(50, limit * 5);
  const kind = options.kind ?? null;
  const topics = options.topics ? [...options.topics] : null;
  // All of the query's words first: few chunks match, so ranking them is cheap. Only
  // when that finds too little, any of its words (a long question rarely matches whole,
  // but "any word" can match a large share of the corpus, and every match is ranked).
  const ftsQuery = (any: boolean) =>
    db.query<Row>(
      `SELECT ${COLUMNS} FROM casehound.chunks c JOIN casehound.documents d USING (doc_id),
              (SELECT ${any ? "replace(plainto_tsquery('english', $1)::text, '&', '|')" : "plainto_tsquery('english', $1)::text"} AS qt) AS q
        WHERE qt <> '' AND c.tsv @@ qt::tsquery AND ($3::text IS NULL OR d.kind = $3)
          AND ($4::text[] IS NULL OR d.topics && $4::text[])
        ORDER BY ts_rank_cd(c.tsv, qt::tsquery) DESC, c.chunk_id LIMIT $2`,
      [text, k, kind, topics],
    );
  let fts = await ftsQuery(false);
  if (fts.rows.length < limit) {
    const any = await ftsQuery(true);
    const seen = new Set(fts.rows.map((r) => r.chunk_id));
    fts = {
      ...any,
      rows: [...fts.rows, ...any.rows.filter((r) => !seen.has(r.chunk_id))].slice(0, k),
    };
  }
  let vector: Row[] = [];
  // An embedder that fails (an outage of a remote model) leaves full text to answer.
  const [embedding] = embedder ? await embedder.embed([text]).catch(() => [null]) : [null];
  if (embedder && embedding) {
    const model = assertModelName(embedder.model);
    const dims = embedder.dims;
    const distance = `c.embedding::vector(${dims}) <=> $1::vector(${dims})`;
    // The knowledge base (or a topic) is a few dozen chunks: filter first, then measure.
    // Anything else walks the model's HNSW index: the expression and the literal
    // predicate match its partial index, and the inner query orders by distance alone
    // (a tie-breaker or a join there makes PostgreSQL 15 scan every vector instead);
    // a web-only search takes twice the candidates and filters after.
    const small = kind === "kb" || topics !== null;
    const result = small
      ? await db.query<Row>(
          `SELECT ${COLUMNS} FROM casehound.chunks c JOIN casehound.documents d USING (doc_id)
            WHERE c.embedding_model = '${model}' AND ($3::text IS NULL OR d.kind = $3)
              AND ($4::text[] IS NULL OR d.topics && $4::text[])
            ORDER BY ${distance}, c.chunk_id LIMIT $2`,
          [vectorLiteral(embedding), k, kind, topics],
        )
      : await db.query<Row>(
          `SELECT ${COLUMNS} FROM (
             SELECT c.chunk_id, ${distance} AS distance FROM casehound.chunks c
              WHERE c.embedding_model = '${model}' ORDER BY ${distance} LIMIT $4) AS near
             JOIN casehound.chunks c USING (chunk_id) JOIN casehound.documents d USING (doc_id)
            WHERE ($3::text IS NULL OR d.kind = $3)
            ORDER BY near.distance, c.chunk_id LIMIT $2`,
          [vectorLiteral(embedding), k, kind, kind === null ? k : k * 2],
        );
    vector = result.rows;
  }
  const fused = new Map<string, { row: Row; fts: number | null; vec: number | null }>();
  fts.rows.forEach((row, i) => {
    fused.set(row.chunk_id, { row, fts: i + 1, vec: null });
  });
  vector.forEach((row, i) => {
    const seen = fused.get(row.chunk_id);
    if (seen) seen.vec = i + 1;
    else fused.set(row.chunk_id, { row, fts: null, vec: i + 1 });
  });
  const entities = options.entities ?? [];
  const hits = [...fused.values()].map(({ row, fts: f, vec: v }): HybridHit => {
    const matched = entities.filter((e) => namesExactly(`${row.heading}\n${row.body}`, e));
    const score =
      (f ? 1 / (RRF_K + f) : 0) +
      (v ? 1 / (RRF_K + v) : 0) +
      (matched.length ? 1 / (RRF_K + 1) : 0);
    return {
      chunkId: row.chunk_id,
      docId: row.doc_id,
      kind: row.kind,
      url: row.url,
      title: row.title,
      heading: row.heading,
      text: row.body,
      source: row.source,
      topics: row.topics,
      contentHash: row.content_hash,
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      ftsRank: f,
      vectorRank: v,
      matched,
      score,
    };
  });
  hits.sort((a, b) => b.score - a.score || a.chunkId.localeCompare(b.chunkId));
  return hits.slice(0, limit);
}
