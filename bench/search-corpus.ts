// The synthetic corpus of the search benchmark: documents of five chunks each, written
// in real English words taken from the word-vector cache's own vocabulary. Each
// document is about a main and a side topic, a topic being a seed word and its nearest
// words in the vector space (random word lists would make every text's vector near
// the vocabulary's mean, and all texts look alike), so the local embedder's vectors
// cluster the way real pages do. Deterministic for a seed; queries are sentences of
// random chunks.

import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import type { ChunkRow, CorpusDocument } from "../db/repositories/documents.js";
import type { WordVectors } from "../tools/vector/cache-format.js";
import { Rng } from "../world/rng.js";

const CHUNKS_PER_DOC = 5;
const TOPICS = 300;
const WORDS_PER_TOPIC = 150;

/** The words of a word-vector cache in rank order (layout: tools/vector/cache-format.ts). */
export function cacheWords(path: string): string[] {
  const fd = openSync(path, "r");
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    const vocab = Buffer.alloc(header.readUInt32LE(16));
    readSync(fd, vocab, 0, vocab.length, 32);
    return vocab.toString("utf8").split("\n");
  } finally {
    closeSync(fd);
  }
}

export interface Corpus {
  docs: CorpusDocument[];
  chunks: ChunkRow[];
}

/** Unit vectors of `words` (rows of the cache, in the given order). */
function unitVectors(vectors: WordVectors, words: readonly string[]): Float64Array[] {
  return words.map((w) => {
    const v = new Float64Array(vectors.dims);
    const row = vectors.rowOf(w);
    if (row !== undefined) vectors.addRow(row, 1, v);
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  });
}

/** A seed word and its nearest neighbours among `vocab`: a coherent topic. */
function topicsOf(vocab: readonly string[], unit: Float64Array[], rand: () => number): string[][] {
  return Array.from({ length: TOPICS }, () => {
    const seed = unit[Math.floor(rand() * unit.length)] as Float64Array;
    const scored = unit.map((v, i) => {
      let s = 0;
      for (let d = 0; d < v.length; d++) s += (v[d] ?? 0) * (seed[d] ?? 0);
      return { i, s };
    });
    scored.sort((a, b) => b.s - a.s);
    return scored.slice(0, WORDS_PER_TOPIC).map(({ i }) => vocab[i] as string);
  });
}

export function generateCorpus(
  words: readonly string[],
  vectors: WordVectors,
  chunkCount: number,
  seed = 42,
): Corpus {
  const rng = new Rng(seed);
  const rand = () => rng.next();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Ranks 0-99 are function words ("the", "of"); 100-30,000 the content words of prose.
  const common = words.slice(0, 100).filter((w) => /^[a-z]+$/.test(w));
  const vocab = words.slice(100, 30_000).filter((w) => /^[a-z]{3,}$/.test(w));
  const topics = topicsOf(vocab, unitVectors(vectors, vocab), rand);
  const sentence = (main: string[], side: string[]): string[] => {
    const n = 6 + Math.floor(rand() * 13);
    return Array.from({ length: n }, () => {
      const r = rand();
      return pick(r < 0.4 ? common : r < 0.75 ? main : r < 0.85 ? side : vocab);
    });
  };
  const paragraph = (main: string[], side: string[]): string => {
    const target = 60 + Math.floor(rand() * 91);
    const out: string[] = [];
    for (let used = 0; used < target; ) {
      const s = sentence(main, side);
      used += s.length;
      const text = s.join(" ");
      out.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
    }
    return out.join(" ");
  };
  const docs: CorpusDocument[] = [];
  const chunks: ChunkRow[] = [];
  for (let d = 0; chunks.length < chunkCount; d++) {
    const docId = `bench-${String(d).padStart(6, "0")}`;
    const main = pick(topics);
    const side = pick(topics);
    const title = Array.from({ length: 4 }, () => pick(main)).join(" ");
    const n = Math.min(CHUNKS_PER_DOC, chunkCount - chunks.length);
    const bodies = Array.from({ length: n }, () => paragraph(main, side));
    bodies.forEach((body, ord) => {
      chunks.push({
        chunkId: `${docId}#${ord}`,
        docId,
        ord,
        heading: title,
        body,
        embedding: null,
      });
    });
    const body = bodies.join("\n\n");
    docs.push({
      docId,
      url: `https://bench.example/${docId}`,
      title,
      body,
      source: "bench",
      publishedAt: null,
      kind: "web",
      origin: "operator",
      topics: [],
      contentHash: createHash("sha256").update(body).digest("hex"),
      retrievedAt: null,
    });
  }
  return { docs, chunks };
}

/** One sentence each of `n` random chunks: the length of a typical search query. */
export function sampleQueries(chunks: readonly ChunkRow[], n: number, seed = 7): string[] {
  const rng = new Rng(seed);
  const rand = () => rng.next();
  return Array.from({ length: n }, () => {
    const chunk = chunks[Math.floor(rand() * chunks.length)] as ChunkRow;
    const sentences = chunk.body.split(/(?<=\.)\s+/);
    return sentences[Math.floor(rand() * sentences.length)] as string;
  });
}
