// The pure pieces of retrieval: chunking, exact entity names, words for the local
// embedder, and the compact word-vector cache's format.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkKbDocument, chunkWebDocument, packParagraphs } from "../../../db/corpus/chunk.js";
import { parseKbDocument } from "../../../db/corpus/knowledge-base.js";
import { namesExactly } from "../../../tools/search/hybrid.js";
import {
  cacheSourceBytes,
  readWordVectors,
  writeWordVectors,
} from "../../../tools/vector/cache-format.js";
import { createLocalEmbedder, wordsOf } from "../../../tools/vector/local-embedder.js";

const words = (n: number, w = "word") => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");

describe("chunking", () => {
  it("packs paragraphs into pieces of at most 180 words and joins a short tail to the piece before", () => {
    const body = [words(100, "a"), words(100, "b"), words(50, "c"), words(10, "d")].join("\n\n");
    const pieces = packParagraphs(body);
    expect(pieces.map((p) => p.split(/\s+/).length)).toEqual([100, 160]);
    expect(pieces[1]).toContain("d9");
  });

  it("cuts an overlong paragraph at sentence ends", () => {
    const sentence = `${words(30)}.`;
    const pieces = packParagraphs(Array.from({ length: 12 }, () => sentence).join(" "));
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.split(/\s+/).length).toBeLessThanOrEqual(180);
  });

  it("gives every web chunk the title as heading, and each knowledge-base section its own", () => {
    expect(chunkWebDocument("T", words(20))).toEqual([{ ord: 0, heading: "T", body: words(20) }]);
    const kb = chunkKbDocument(
      "Brushing",
      "# Brushing\n\nIntro text.\n\n## Signals\nOne.\n\n## Empty\n\n## Policy\nTwo.",
    );
    expect(kb.map((c) => [c.ord, c.heading, c.body])).toEqual([
      [0, "Brushing", "Intro text."],
      [1, "Brushing — Signals", "One."],
      [2, "Brushing — Policy", "Two."],
    ]);
  });

  it("reads a knowledge-base file's front matter, and refuses one without a kb_ id", () => {
    const text =
      "---\ndoc_id: kb_brushing\ntitle: Brushing\ntopics: [brushing]\nversion: 2\n---\n# Brushing\n\n## A\nText.";
    const { doc, chunks } = parseKbDocument("brushing.md", text);
    expect(doc).toMatchObject({
      docId: "kb_brushing",
      kind: "kb",
      topics: ["brushing"],
      url: "kb://kb_brushing@v2",
    });
    expect(chunks.map((c) => c.chunkId)).toEqual(["kb_brushing#0"]);
    expect(() => parseKbDocument("x.md", text.replace("kb_brushing", "brushing"))).toThrow(/kb_/);
    expect(() => parseKbDocument("x.md", "# no front matter")).toThrow(/front matter/);
  });
});

describe("exact entity names", () => {
  it("matches the whole name in any case and spacing, never a longer look-alike", () => {
    expect(namesExactly("Avoid bright  nova STORE, they scam", "Bright Nova Store")).toBe(true);
    expect(namesExactly("Avoid Bright Nova Stores", "Bright Nova Store")).toBe(false);
    expect(namesExactly("Avoid XBright Nova Store", "Bright Nova Store")).toBe(false);
    expect(namesExactly("seller slr_0abc1 again", "slr_0abc1")).toBe(true);
    expect(namesExactly("seller slr_0abc12 again", "slr_0abc1")).toBe(false);
    expect(namesExactly("a (b) c", "(b)")).toBe(true);
    expect(namesExactly("Bright Nova Store Outlet took my money", "Bright Nova Store")).toBe(false);
    expect(
      namesExactly("see brightnovastore.com or Bright Nova Store-UK", "Bright Nova Store"),
    ).toBe(false);
    expect(
      namesExactly("I bought from Bright Nova Store. It never came.", "Bright Nova Store"),
    ).toBe(true);
    expect(namesExactly("ab", "ab")).toBe(false);
  });
});

describe("local embedder words and cache", () => {
  it("lower-cases, cuts possessives and contractions, keeps hyphenated words", () => {
    expect(wordsOf("The seller's e-commerce shop DIDN'T ship")).toEqual([
      "the",
      "seller",
      "e-commerce",
      "shop",
      "did",
      "ship",
    ]);
  });

  it("round-trips vectors through int8 within 1% and averages only known words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casehound-vec-"));
    const path = join(dir, "v.i8");
    const vocab = ["the", "scam", "refund", "fake-review"];
    const values = new Float32Array([0.1, 0.2, 0.3, 1, 0, 0, 0, 1, 0, 0.5, 0.5, 0]);
    writeWordVectors(path, vocab, values, 3, 12345);
    expect(cacheSourceBytes(path)).toBe(12345);
    const vectors = readWordVectors(path);
    expect(vectors.count).toBe(4);
    expect(vectors.rowOf("refund")).toBe(2);
    const out = new Float64Array(3);
    vectors.addRow(0, 1, out);
    expect(out[2]).toBeCloseTo(0.3, 2);
    const embedder = createLocalEmbedder(vectors);
    const [scam, none, parts] = await embedder.embed(["Scam!", "zzz qqq", "fake-review scam"]);
    expect(scam?.[0]).toBeCloseTo(1, 3);
    expect(none).toBeNull();
    expect(parts?.length).toBe(3);
    expect(Math.hypot(...(parts ?? []))).toBeCloseTo(1, 6);
  });

  it("refuses a file that is not a cache, or is cut short", () => {
    const dir = mkdtempSync(join(tmpdir(), "casehound-vec-"));
    writeFileSync(join(dir, "bad"), "not a cache at all, just text padding padding");
    expect(() => readWordVectors(join(dir, "bad"))).toThrow(/not a word-vector cache/);
    expect(cacheSourceBytes(join(dir, "bad"))).toBeNull();
    const path = join(dir, "v.i8");
    writeWordVectors(path, ["a", "b"], new Float32Array([1, 0, 0, 1]), 2, 1);
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 1));
    expect(() => readWordVectors(path)).toThrow(/truncated/);
  });
});
