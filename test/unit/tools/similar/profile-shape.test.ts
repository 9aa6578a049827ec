// The profile vector's dimension is fixed by migration 0017: it must be the
// catalogue's size, or a refresh would fail to store its profiles. A catalogue that
// grows or shrinks needs a migration that changes the column (and rebuilds the index).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../../../tools/indicators/catalog/index.js";
import { checkK, MAX_K } from "../../../../tools/similar/index.js";

const migration = readFileSync(
  new URL("../../../../db/migrations/0017_seller_profiles.sql", import.meta.url),
  "utf8",
);

describe("seller profiles", () => {
  it("have one component per catalogued indicator", () => {
    const dimension = Number(/profile\s+vector\((\d+)\)/.exec(migration)?.[1]);
    expect(dimension).toBe(INDICATORS.length);
  });

  it("are searched by Euclidean distance, matching the index's operator class", () => {
    expect(migration).toMatch(/USING hnsw \(profile vector_l2_ops\)/);
  });

  it("take k from 1 to MAX_K", () => {
    expect(checkK(1)).toBe(1);
    expect(checkK(MAX_K)).toBe(MAX_K);
    for (const k of [0, -1, MAX_K + 1, 1.5, Number.NaN])
      expect(() => checkK(k), String(k)).toThrow(/k must be a whole number/);
  });
});
