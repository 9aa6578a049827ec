// Offline sentence vectors: the frequency-weighted mean of the text's word vectors
// (smooth inverse frequency, a / (a + p(w)), with p(w) from the word's rank by Zipf's
// law), normalised to unit length. Frequent words ("the", "and") barely count, so two
// texts are close when their content words are. Weighting roughly doubles the gap
// between related and unrelated texts compared with a plain mean.
import type { WordVectors } from "./cache-format.js";
import type { Embedder } from "./types.js";

export const LOCAL_EMBEDDING_MODEL = "local:wink-sg-100d";

const SIF_A = 1e-3;
/** Harmonic normaliser of a Zipf distribution over the source's 341,479 words. */
const ZIPF_H = Math.log(341_479) + 0.5772;

/** Lower-case words; possessives and contractions cut; hyphenated words kept whole. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).map((w) =>
    w.replace(/n['’]t$/u, "").replace(/['’](?:s|re|ve|ll|d|m)$/u, ""),
  );
}

function sifWeight(row: number): number {
  const p = 1 / ((row + 1) * ZIPF_H);
  return SIF_A / (SIF_A + p);
}

export function createLocalEmbedder(vectors: WordVectors): Embedder {
  const embedOne = (text: string): number[] | null => {
    const sum = new Float64Array(vectors.dims);
    let used = 0;
    const add = (word: string): boolean => {
      const row = vectors.rowOf(word);
      if (row === undefined) return false;
      vectors.addRow(row, sifWeight(row), sum);
      used++;
      return true;
    };
    for (const word of wordsOf(text)) {
      // "e-commerce" is a word of its own; "fake-review" falls back to its parts.
      if (!add(word) && word.includes("-")) for (const part of word.split("-")) add(part);
    }
    if (used === 0) return null;
    let norm = 0;
    for (const v of sum) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    return Array.from(sum, (v) => v / norm);
  };
  return {
    model: LOCAL_EMBEDDING_MODEL,
    dims: vectors.dims,
    embed: async (texts) => texts.map(embedOne),
  };
}
