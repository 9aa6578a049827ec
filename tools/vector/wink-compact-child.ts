// Entry of the child process that builds the word-vector cache (see wink-cache.ts):
// argv ends with the output path and the number of words to keep.
import { compactWink } from "./wink-compact.js";

const [out, top] = process.argv.slice(-2);
const topN = Number(top);
if (!out || !Number.isInteger(topN) || topN <= 0) {
  process.stderr.write("usage: wink-compact-child <out> <topN>\n");
  process.exit(2);
}
compactWink(out, topN);
