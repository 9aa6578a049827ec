// Recall of an approximate top-k against the exact one, with ties at the k-th
// distance counted as found.
import { describe, expect, it } from "vitest";
import { recallAtK } from "../../../../tools/similar/recall.js";

const r = (sellerId: string, distance: number) => ({ sellerId, distance });

describe("recallAtK", () => {
  it("is 1 when the approximate answer is the exact one", () => {
    const exact = [r("a", 0.1), r("b", 0.2), r("c", 0.3)];
    expect(recallAtK(exact, exact, 3)).toBe(1);
  });

  it("counts a neighbour farther than the exact k-th as missed", () => {
    const exact = [r("a", 0.1), r("b", 0.2), r("c", 0.3), r("d", 0.4)];
    const approximate = [r("a", 0.1), r("c", 0.3), r("d", 0.4), r("e", 0.5)];
    expect(recallAtK(approximate, exact, 4)).toBe(0.75);
    expect(recallAtK(approximate, exact, 2)).toBe(0.5);
  });

  it("counts a seller tied with the exact k-th as found, whichever of the tied sellers it is", () => {
    const exact = [r("a", 0.1), r("b", 0.5), r("c", 0.5)];
    const approximate = [r("a", 0.1), r("x", 0.5), r("y", 0.5)];
    expect(recallAtK(approximate, exact, 3)).toBe(1);
  });

  it("is 1 for an empty truth and caps at the truth's size", () => {
    expect(recallAtK([r("a", 0)], [], 10)).toBe(1);
    expect(recallAtK([r("a", 0.1), r("b", 0.1)], [r("a", 0.1)], 10)).toBe(1);
  });
});
