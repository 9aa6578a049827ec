// Shared-buyer links: exclusive common buyers against what the shops' sizes predict.
import { describe, expect, it } from "vitest";
import {
  MAX_CHANCE,
  poissonTailLog10,
  type SharedBuyersRow,
  sharedBuyerLinks,
} from "../../../../tools/links/shared-buyers.js";

const row = (over: Partial<SharedBuyersRow>): SharedBuyersRow => ({
  seller_id: "slr_a",
  other: "slr_b",
  buyers: 3,
  weighted: 3,
  seller_buyers: 40,
  other_buyers: 40,
  rows: ["ord_1"],
  other_rows: ["ord_2"],
  ...over,
});

describe("the Poisson chance of a weighted overlap", () => {
  it("equals the exact tail at whole counts", () => {
    const exact = 1 - Math.exp(-0.5) * (1 + 0.5);
    expect(poissonTailLog10(2, 0.5)).toBeCloseTo(Math.log10(exact), 10);
    expect(poissonTailLog10(3, 2)).toBeCloseTo(Math.log10(1 - Math.exp(-2) * 5), 10);
  });

  it("grows with the count between whole counts and keeps the digits of tiny chances", () => {
    expect(poissonTailLog10(2.5, 0.1)).toBeLessThan(poissonTailLog10(2, 0.1));
    expect(poissonTailLog10(2.5, 0.1)).toBeGreaterThan(poissonTailLog10(3, 0.1));
    expect(poissonTailLog10(1, 1e-9)).toBeCloseTo(-9, 6);
  });
});

describe("shared-buyer links", () => {
  const pairs = 50_000;

  it("links two small shops whose few buyers buy almost only from both", () => {
    const [link] = sharedBuyerLinks([row({})], pairs);
    expect(link).toMatchObject({ a: "slr_a", b: "slr_b" });
    expect(link?.shared.expected).toBeCloseTo((40 * 40) / pairs, 6);
    expect(link?.shared.surprise).toBeGreaterThan(-Math.log10(MAX_CHANCE));
    expect(link?.shared.rows).toEqual([
      [{ table: "orders", id: "ord_1" }],
      [{ table: "orders", id: "ord_2" }],
    ]);
  });

  it("leaves busy shops' common buyers alone: their overlap is what their sizes predict", () => {
    // Forty common buyers, each buying from nine shops (1/8 each), between two shops of 600 buyers.
    const busy = row({ buyers: 40, weighted: 5, seller_buyers: 600, other_buyers: 600 });
    expect(sharedBuyerLinks([busy], pairs)).toEqual([]);
  });

  it("never links through a single customer, however rare", () => {
    expect(sharedBuyerLinks([row({ buyers: 1, weighted: 1, seller_buyers: 2 })], pairs)).toEqual(
      [],
    );
  });

  it("keeps a pair met from both ends once, its ends ordered", () => {
    const links = sharedBuyerLinks(
      [
        row({ seller_id: "slr_b", other: "slr_a", rows: ["ord_b"], other_rows: ["ord_a"] }),
        row({}),
      ],
      pairs,
    );
    expect(links).toHaveLength(1);
    expect(links[0]?.shared.rows[0]).toEqual([{ table: "orders", id: "ord_a" }]);
  });
});
