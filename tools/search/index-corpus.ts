// Keeps the corpus searchable: embeds every chunk whose vector is missing or from
// another model (after a change of model this is a full re-embedding), and makes sure
// the model's HNSW index exists.
import {
  chunksToEmbed,
  ensureVectorIndex,
  setEmbeddings,
} from "../../db/repositories/documents.js";
import type { Queryable } from "../../db/types.js";
import type { Embedder } from "../vector/types.js";

const BATCH = 256;

export interface EmbedReport {
  model: string;
  embedded: number;
  /** Chunks with no word the model knows (kept, searchable by full text only). */
  empty: number;
}

export async function embedCorpus(
  db: Queryable,
  embedder: Embedder,
  onProgress: (done: number) => void = () => {},
): Promise<EmbedReport> {
  await ensureVectorIndex(db, embedder.model, embedder.dims);
  const report: EmbedReport = { model: embedder.model, embedded: 0, empty: 0 };
  const skipped = new Set<string>();
  for (;;) {
    const todo = (await chunksToEmbed(db, embedder.model, BATCH + skipped.size)).filter(
      (c) => !skipped.has(c.chunkId),
    );
    if (todo.length === 0) break;
    const vectors = await embedder.embed(todo.map((c) => `${c.heading}\n${c.body}`));
    const rows = todo.map((c, i) => ({ chunkId: c.chunkId, embedding: vectors[i] ?? null }));
    for (const row of rows) if (!row.embedding) skipped.add(row.chunkId);
    await setEmbeddings(db, embedder.model, rows);
    report.embedded += rows.filter((r) => r.embedding).length;
    report.empty = skipped.size;
    onProgress(report.embedded);
  }
  return report;
}
