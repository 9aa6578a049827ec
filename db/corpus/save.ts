// Writes documents into the corpus, cut into chunks (embeddings come later, from
// whoever holds an embedder: `casehound reindex`, seeding from the CLI, the server's
// start). The demo world's pages are replaced with the world; the knowledge base is
// rewritten whole each time it is loaded.
import { createHash } from "node:crypto";
import {
  type ChunkRow,
  type CorpusDocument,
  deleteDocumentsOf,
  saveDocuments,
} from "../repositories/documents.js";
import type { Queryable } from "../types.js";
import { chunkWebDocument } from "./chunk.js";
import { loadKnowledgeBase } from "./knowledge-base.js";

export interface WebPage {
  docId: string;
  url: string;
  title: string;
  body: string;
  source: string;
  publishedAt: string;
}

const NOT_EMBEDDED = "none";

export function webChunks(doc: { docId: string; title: string; body: string }): ChunkRow[] {
  return chunkWebDocument(doc.title, doc.body).map((c) => ({
    chunkId: `${doc.docId}#${c.ord}`,
    docId: doc.docId,
    ord: c.ord,
    heading: c.heading,
    body: c.body,
    embedding: null,
  }));
}

/** Replaces the demo world's pages with `pages`, as retrieved at `retrievedAt`. */
export async function saveDemoPages(
  db: Queryable,
  pages: readonly WebPage[],
  retrievedAt: string,
): Promise<void> {
  await deleteDocumentsOf(db, "demo_world");
  const docs: CorpusDocument[] = pages.map((p) => ({
    ...p,
    kind: "web",
    origin: "demo_world",
    topics: [],
    contentHash: createHash("sha256").update(`${p.url}\n${p.title}\n${p.body}`).digest("hex"),
    retrievedAt,
  }));
  await saveDocuments(db, docs, docs.flatMap(webChunks), NOT_EMBEDDED);
}

/** Rewrites the knowledge base from db/kb; returns how many documents it holds. */
export async function saveKnowledgeBase(db: Queryable): Promise<number> {
  const kb = loadKnowledgeBase();
  await deleteDocumentsOf(db, "knowledge_base");
  await saveDocuments(
    db,
    kb.map((k) => k.doc),
    kb.flatMap((k) => k.chunks),
    NOT_EMBEDDED,
  );
  return kb.length;
}
