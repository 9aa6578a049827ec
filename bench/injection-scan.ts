// How fast the injection scanner reads untrusted text, on its corpus
// (test/fixtures/injection): benign seller texts (the common case: every review, shop
// description and web page is scanned), attacks, and long pages made of many benign texts.
// Prints texts per second and microseconds per text; nothing here is asserted.
//   npm run bench:injection [-- --rounds 20]

import { table, thousands } from "../cli/format.js";
import { loadCorpus } from "../test/fixtures/injection/corpus.js";
import { scanForInjection } from "../tools/untrusted/scan.js";

function rounds(): number {
  const at = process.argv.indexOf("--rounds");
  const n = at < 0 ? 20 : Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error("--rounds takes a whole number of at least 1");
  return n;
}

function measure(
  texts: readonly string[],
  times: number,
): { perSecond: number; micros: number; chars: number } {
  for (const t of texts) scanForInjection(t); // warm up: compile and optimise the expressions
  const start = process.hrtime.bigint();
  for (let r = 0; r < times; r++) for (const t of texts) scanForInjection(t);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const n = texts.length * times;
  const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  return { perSecond: n / seconds, micros: (seconds / n) * 1e6, chars };
}

const times = rounds();
const { attacks, benign } = loadCorpus();
const benignTexts = benign.map((b) => b.text);
// A web page: twenty benign texts as paragraphs, about 2,000 characters.
const pages = Array.from({ length: 40 }, (_, i) =>
  Array.from({ length: 20 }, (_, j) => benignTexts[(i * 7 + j * 13) % benignTexts.length]).join(
    "\n\n",
  ),
);
const rows = [
  ["benign seller texts", benignTexts, times],
  ["attack texts", attacks.map((a) => a.text), times],
  ["web pages (~20 paragraphs)", pages, Math.max(1, Math.floor(times / 4))],
] as const;
console.log(
  table(
    ["texts", "count", "mean chars", "texts/s", "µs per text"],
    rows.map(([name, texts, r]) => {
      const m = measure(texts, r);
      return [
        name,
        texts.length,
        Math.round(m.chars),
        thousands(Math.round(m.perSecond)),
        Math.round(m.micros),
      ];
    }),
  ),
);
