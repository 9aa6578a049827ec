import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readWordVectors, writeWordVectors } from "../../../tools/vector/cache-format.js";
import { removeDir, tempDir } from "../../support/engines.js";

const dir = tempDir("casehound-words-");
afterAll(() => removeDir(dir));

describe("the word-vector cache's word index", () => {
  // Words that are parts of each other, so a substring match must not be taken for the word.
  const words = [
    "the",
    "theory",
    "he",
    "heat",
    "café",
    "a",
    "at",
    ...Array.from({ length: 2_500 }, (_, i) => `w${i}`),
  ];
  const dims = 4;
  const values = new Float32Array(words.length * dims).map((_, i) => (i % 7) - 3);
  const path = join(dir, "words.bin");
  writeWordVectors(path, words, values, dims, 123);

  it("finds each word's own row, never a word it is part of", () => {
    const vectors = readWordVectors(path);
    expect(vectors.count).toBe(words.length);
    for (const [row, word] of words.slice(0, 7).entries()) expect(vectors.rowOf(word)).toBe(row);
    expect(vectors.rowOf(`w${2_499}`)).toBe(words.length - 1);
    expect(vectors.rowOf("eory")).toBeUndefined();
    expect(vectors.rowOf("")).toBeUndefined();
    expect(vectors.rowOf("the\nheat")).toBeUndefined();
  });

  it("gives the same rows after switching to a full index in a long-lived process", () => {
    const vectors = readWordVectors(path);
    for (let i = 0; i < 2_100; i++) expect(vectors.rowOf(`w${i}`)).toBe(i + 7);
    expect(vectors.rowOf("café")).toBe(4);
    expect(vectors.rowOf("nope")).toBeUndefined();
  });
});
