// The knowledge base written for the project (db/kb/*.md): one document per typology
// and the enforcement policy, each with a front-matter block. Read from disk and cut
// into their "## " sections, ready for the corpus.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ChunkRow, CorpusDocument } from "../repositories/documents.js";
import { chunkKbDocument } from "./chunk.js";

export const KB_DIR = fileURLToPath(new URL("../kb/", import.meta.url));

export interface KbDocument {
  doc: CorpusDocument;
  chunks: ChunkRow[];
}

function frontMatter(path: string, text: string): { fields: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${path}: no front matter`);
  const fields: Record<string, string> = {};
  for (const line of (m[1] ?? "").split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { fields, body: text.slice(m[0].length) };
}

export function parseKbDocument(path: string, text: string): KbDocument {
  const { fields, body } = frontMatter(path, text);
  const docId = fields.doc_id;
  const title = fields.title;
  if (!docId || !/^kb_[a-z0-9_]+$/.test(docId))
    throw new Error(`${path}: doc_id must be kb_<name>`);
  if (!title) throw new Error(`${path}: no title`);
  const topics = (fields.topics ?? "")
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map((t) => t.trim().replace(/^["']|["']$/g, ""))
    .filter(Boolean);
  const version = fields.version ?? "1";
  const chunks = chunkKbDocument(title, body).map((c) => ({
    chunkId: `${docId}#${c.ord}`,
    docId,
    ord: c.ord,
    heading: c.heading,
    body: c.body,
    embedding: null,
  }));
  return {
    doc: {
      docId,
      url: `kb://${docId}@v${version}`,
      title,
      body,
      source: "knowledge_base",
      publishedAt: null,
      kind: "kb",
      origin: "knowledge_base",
      topics,
      contentHash: createHash("sha256").update(text).digest("hex"),
      retrievedAt: null,
    },
    chunks,
  };
}

export function loadKnowledgeBase(dir = KB_DIR): KbDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((f) => parseKbDocument(f, readFileSync(`${dir}${f}`, "utf8")));
}
