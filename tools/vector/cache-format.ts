// The compact word-vector cache: the most frequent words of a word-vector table, each
// row quantised to int8 with a per-row scale. Little-endian layout:
//   0  "CHWE"            4  u32 version (1)    8  u32 dims     12 u32 count
//  16  u32 vocab bytes  20  u32 source bytes (to notice a changed source)
//  24  u32 reserved     28  u32 reserved
//  32  the words, UTF-8, "\n"-joined in rank order (row i = rank i), zero-padded to 4
//      then float32 scale[count], then int8 values[count * dims]
// int8 keeps every word's cosine to its float32 self above 0.9999 at a quarter of
// the size, and the file is read with zero-copy views.
import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from "node:fs";

const MAGIC = "CHWE";
const VERSION = 1;
const HEADER = 32;

export interface WordVectors {
  dims: number;
  count: number;
  sourceBytes: number;
  /** Row of a word (its frequency rank), or undefined. */
  rowOf(word: string): number | undefined;
  /** Adds `weight` times the word's vector at `row` into `into`. */
  addRow(row: number, weight: number, into: Float64Array): void;
}

/** Writes the cache atomically (a reader never sees half a file). */
export function writeWordVectors(
  path: string,
  words: readonly string[],
  values: Float32Array,
  dims: number,
  sourceBytes: number,
): number {
  const count = words.length;
  const vocab = Buffer.from(words.join("\n"), "utf8");
  const vocabPadded = (vocab.length + 3) & ~3;
  const buf = Buffer.alloc(HEADER + vocabPadded + count * 4 + count * dims);
  buf.write(MAGIC, 0, "latin1");
  buf.writeUInt32LE(VERSION, 4);
  buf.writeUInt32LE(dims, 8);
  buf.writeUInt32LE(count, 12);
  buf.writeUInt32LE(vocab.length, 16);
  buf.writeUInt32LE(sourceBytes >>> 0, 20);
  vocab.copy(buf, HEADER);
  const scalesAt = HEADER + vocabPadded;
  const scales = new Float32Array(buf.buffer, buf.byteOffset + scalesAt, count);
  const q = new Int8Array(buf.buffer, buf.byteOffset + scalesAt + count * 4, count * dims);
  for (let r = 0; r < count; r++) {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(values[r * dims + d] ?? 0));
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    for (let d = 0; d < dims; d++)
      q[r * dims + d] = Math.round((values[r * dims + d] ?? 0) / scale);
  }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, buf);
  renameSync(tmp, path);
  return buf.length;
}

/** The source size a cache was built from, reading its header only (null: not a cache). */
export function cacheSourceBytes(path: string): number | null {
  const header = Buffer.alloc(HEADER);
  const fd = openSync(path, "r");
  try {
    if (readSync(fd, header, 0, HEADER, 0) < HEADER) return null;
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1", 0, 4) !== MAGIC || header.readUInt32LE(4) !== VERSION) return null;
  return header.readUInt32LE(20);
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Past this many distinct lookups a full index pays for itself (a long-lived server). */
const FULL_INDEX_AFTER = 2_000;

/**
 * A word's row, found without splitting the vocabulary: a cold command embeds a few
 * query words, and building a map of 200,000 strings would cost it ~0.4 s. Words are
 * searched in the raw bytes and remembered; a process that looks many up gets the
 * full map once.
 */
function wordIndex(vocab: Buffer): (word: string) => number | undefined {
  const memo = new Map<string, number | undefined>();
  let full: Map<string, number> | undefined;
  const search = (word: string): number | undefined => {
    if (word === "" || word.includes("\n")) return undefined;
    const needle = Buffer.from(word, "utf8");
    for (let from = 0; ; ) {
      const at = vocab.indexOf(needle, from);
      if (at < 0) return undefined;
      const end = at + needle.length;
      if ((at === 0 || vocab[at - 1] === 0x0a) && (end === vocab.length || vocab[end] === 0x0a))
        return countNewlines(vocab, at);
      from = at + 1;
    }
  };
  return (word) => {
    if (full) return full.get(word);
    if (memo.has(word)) return memo.get(word);
    if (memo.size >= FULL_INDEX_AFTER) {
      const index = new Map<string, number>();
      vocab
        .toString("utf8")
        .split("\n")
        .forEach((w, row) => {
          index.set(w, row);
        });
      full = index;
      return index.get(word);
    }
    const row = search(word);
    memo.set(word, row);
    return row;
  };
}

export function readWordVectors(path: string): WordVectors {
  const file = readFileSync(path);
  // A pooled small Buffer could sit at an unaligned offset; copy once if so.
  const buf = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  if (buf.length < HEADER || buf.toString("latin1", 0, 4) !== MAGIC)
    throw new Error(`${path} is not a word-vector cache`);
  if (buf.readUInt32LE(4) !== VERSION) throw new Error(`${path} has an unknown cache version`);
  const dims = buf.readUInt32LE(8);
  const count = buf.readUInt32LE(12);
  const vocabBytes = buf.readUInt32LE(16);
  const scalesAt = HEADER + ((vocabBytes + 3) & ~3);
  if (buf.length !== scalesAt + count * 4 + count * dims)
    throw new Error(`${path} is truncated or corrupt`);
  const vocab = buf.subarray(HEADER, HEADER + vocabBytes);
  const words = countNewlines(vocab, vocab.length) + 1;
  if (words !== count) throw new Error(`${path} has ${words} words for ${count} rows`);
  const rowOf = wordIndex(vocab);
  const scales = new Float32Array(buf.buffer, buf.byteOffset + scalesAt, count);
  const q = new Int8Array(buf.buffer, buf.byteOffset + scalesAt + count * 4, count * dims);
  return {
    dims,
    count,
    sourceBytes: buf.readUInt32LE(20),
    rowOf,
    addRow(row, weight, into) {
      const w = weight * (scales[row] ?? 0);
      const base = row * dims;
      for (let d = 0; d < dims; d++) into[d] = (into[d] ?? 0) + w * (q[base + d] ?? 0);
    },
  };
}
