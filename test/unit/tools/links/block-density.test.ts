// The densest block around a seller against its category's sampled sellers.
import { describe, expect, it } from "vitest";
import {
  blockDensity,
  densestBlocks,
  percentileAmong,
} from "../../../../tools/links/block-density.js";
import type { SharedBuyersRow } from "../../../../tools/links/shared-buyers.js";

const row = (other: string, weighted: number, otherBuyers: number): SharedBuyersRow => ({
  seller_id: "slr_a",
  other,
  buyers: Math.ceil(weighted),
  weighted,
  seller_buyers: 50,
  other_buyers: otherBuyers,
  rows: [`ord_${other}`],
  other_rows: [],
});

describe("the densest two-shop block", () => {
  it("is the pair least likely under independence, not the one with most common buyers", () => {
    const blocks = densestBlocks([row("slr_busy", 6, 2000), row("slr_ring", 4, 30)], 50_000);
    expect(blocks.get("slr_a")).toMatchObject({ other: "slr_ring", weighted: 4 });
    expect(blocks.get("slr_a")?.score).toBeGreaterThan(4);
  });

  it("is placed among its category's sampled scores by mid-rank", () => {
    expect(percentileAmong([0, 0, 0, 1, 2], 0)).toBe(30);
    expect(percentileAmong([0, 0, 0, 1, 2], 5)).toBe(100);
    expect(percentileAmong([], 5)).toBeNull();
    const d = blockDensity(
      densestBlocks([row("slr_ring", 4, 30)], 50_000).get("slr_a") ?? null,
      "toys",
      {
        toys: [0, 0, 0, 0, 0, 0, 0, 0, 1.2, 2.1],
      },
    );
    expect(d).toMatchObject({ category: "toys", other: "slr_ring", percentile: 100, peers: 10 });
    expect(d.rows).toEqual([{ table: "orders", id: "ord_slr_ring" }]);
  });

  it("scores 0 with no block, and says so against its category", () => {
    const d = blockDensity(null, "toys", { toys: [0, 0, 1] });
    expect(d).toMatchObject({ score: 0, other: null, percentile: 33.3, rows: [] });
  });
});
