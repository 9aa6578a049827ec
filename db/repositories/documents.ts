// The search corpus in the application database: documents, their chunks, and the
// chunks' embeddings (migration 0012). Writes are batched through unnest so a large
// corpus loads in a few statements; vectors travel as pgvector's text form.
import { createHash } from "node:crypto";
import type { Queryable } from "../types.js";

export interface CorpusDocument {
  docId: string;
  url: string | null;
  title: string;
  body: string;
  source: string;
  publishedAt: string | null;
  kind: "web" | "kb";
  origin: "demo_world" | "knowledge_base" | "operator";
  topics: string[];
  contentHash: string;
  retrievedAt: string | null;
}

export interface ChunkRow {
  chunkId: string;
  docId: string;
  ord: number;
  heading: string;
  body: string;
  embedding: number[] | null;
}

export const vectorLiteral = (v: readonly number[]): string => `[${v.join(",")}]`;

/** A model name is written into SQL (a partial index's predicate must be a literal). */
export function assertModelName(model: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9:._/@-]{0,99}$/.test(model))
    throw new Error(`not a usable embedding model name: ${JSON.stringify(model)}`);
  return model;
}

export function vectorIndexName(model: string): string {
  const readable = model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 40);
  return `chunks_vec_${readable}_${createHash("sha256").update(model).digest("hex").slice(0, 6)}`;
}

/** Removes every document of one origin (with its chunks). */
export async function deleteDocumentsOf(
  db: Queryable,
  origin: CorpusDocument["origin"],
): Promise<void> {
  await db.query("DELETE FROM casehound.documents WHERE origin = $1", [origin]);
}

/** Inserts or replaces documents and, for each, all of its chunks. */
export async function saveDocuments(
  db: Queryable,
  docs: readonly CorpusDocument[],
  chunks: readonly ChunkRow[],
  model: string,
): Promise<void> {
  if (docs.length === 0) return;
  await db.query(
    `INSERT INTO casehound.documents (doc_id, url, title, body, source, published_at, kind, topics, content_hash, retrieved_at, origin)
     SELECT d.doc_id, d.url, d.title, d.body, d.source, d.published_at::timestamptz, d.kind,
            ARRAY(SELECT jsonb_array_elements_text(d.topics::jsonb)), d.content_hash, d.retrieved_at::timestamptz, d.origin
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS d(doc_id, url, title, body, source, published_at, kind, topics, content_hash, retrieved_at, origin)
     ON CONFLICT (doc_id) DO UPDATE SET url = EXCLUDED.url, title = EXCLUDED.title, body = EXCLUDED.body,
       source = EXCLUDED.source, published_at = EXCLUDED.published_at, kind = EXCLUDED.kind,
       topics = EXCLUDED.topics, content_hash = EXCLUDED.content_hash, retrieved_at = EXCLUDED.retrieved_at,
       origin = EXCLUDED.origin`,
    [
      docs.map((d) => d.docId),
      docs.map((d) => d.url),
      docs.map((d) => d.title),
      docs.map((d) => d.body),
      docs.map((d) => d.source),
      docs.map((d) => d.publishedAt),
      docs.map((d) => d.kind),
      docs.map((d) => JSON.stringify(d.topics)),
      docs.map((d) => d.contentHash),
      docs.map((d) => d.retrievedAt),
      docs.map((d) => d.origin),
    ],
  );
  await db.query("DELETE FROM casehound.chunks WHERE doc_id = ANY($1::text[])", [
    docs.map((d) => d.docId),
  ]);
  await insertChunks(db, chunks, assertModelName(model));
}

export async function insertChunks(
  db: Queryable,
  chunks: readonly ChunkRow[],
  model: string,
): Promise<void> {
  for (let i = 0; i < chunks.length; i += 2000) {
    const batch = chunks.slice(i, i + 2000);
    await db.query(
      `INSERT INTO casehound.chunks (chunk_id, doc_id, ord, heading, body, embedding, embedding_model)
       SELECT c.chunk_id, c.doc_id, c.ord, c.heading, c.body, c.embedding::vector,
              CASE WHEN c.embedding IS NULL THEN NULL ELSE $7 END
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
           AS c(chunk_id, doc_id, ord, heading, body, embedding)`,
      [
        batch.map((c) => c.chunkId),
        batch.map((c) => c.docId),
        batch.map((c) => c.ord),
        batch.map((c) => c.heading),
        batch.map((c) => c.body),
        batch.map((c) => (c.embedding ? vectorLiteral(c.embedding) : null)),
        model,
      ],
    );
  }
}

/** Chunks whose embedding is missing or from another model. */
export async function chunksToEmbed(
  db: Queryable,
  model: string,
  limit: number,
): Promise<{ chunkId: string; heading: string; body: string }[]> {
  const { rows } = await db.query<{ chunk_id: string; heading: string; body: string }>(
    `SELECT chunk_id, heading, body FROM casehound.chunks
      WHERE embedding_model IS DISTINCT FROM $1 ORDER BY chunk_id LIMIT $2`,
    [model, limit],
  );
  return rows.map((r) => ({ chunkId: r.chunk_id, heading: r.heading, body: r.body }));
}

export async function setEmbeddings(
  db: Queryable,
  model: string,
  rows: readonly { chunkId: string; embedding: number[] | null }[],
): Promise<void> {
  await db.query(
    `UPDATE casehound.chunks c SET embedding = u.embedding::vector,
            embedding_model = CASE WHEN u.embedding IS NULL THEN NULL ELSE $3 END
       FROM unnest($1::text[], $2::text[]) AS u(chunk_id, embedding)
      WHERE c.chunk_id = u.chunk_id`,
    [
      rows.map((r) => r.chunkId),
      rows.map((r) => (r.embedding ? vectorLiteral(r.embedding) : null)),
      assertModelName(model),
    ],
  );
}

/** The partial HNSW index a model's vectors are searched through (created once). */
export async function ensureVectorIndex(db: Queryable, model: string, dims: number): Promise<void> {
  if (!Number.isInteger(dims) || dims < 1 || dims > 2000)
    throw new Error(`HNSW indexes vectors of 1 to 2000 dimensions, not ${dims}`);
  await db.query(
    `CREATE INDEX IF NOT EXISTS ${vectorIndexName(model)} ON casehound.chunks
       USING hnsw ((embedding::vector(${dims})) vector_cosine_ops)
       WHERE embedding_model = '${assertModelName(model)}'`,
  );
}
