// The seller–buyer block: buyers shared among the neighbourhood's sellers.
import { describe, expect, it } from "vitest";
import { sellerBuyerBlock } from "../../../../tools/links/block.js";

describe("the seller–buyer block", () => {
  it("measures the subject's share of block buyers and the block's density", () => {
    const block = sellerBuyerBlock(
      "slr_a",
      [
        { seller_id: "slr_a", buyer_id: null, orders: 4, rows: [] },
        { seller_id: "slr_a", buyer_id: "byr_1", orders: 2, rows: ["ord_1", "ord_2"] },
        { seller_id: "slr_a", buyer_id: "byr_2", orders: 1, rows: ["ord_3"] },
        { seller_id: "slr_b", buyer_id: "byr_1", orders: 1, rows: ["ord_4"] },
        { seller_id: "slr_b", buyer_id: "byr_2", orders: 1, rows: ["ord_5"] },
      ],
      "2026-01-01T00:00:00.000Z",
    );
    expect(block.subjectBuyers).toBe(4);
    expect(block.subjectShare).toBe(0.5);
    expect(block.density).toBe(1);
    expect(block.rows.map((r) => r.id)).toEqual(["ord_1", "ord_2", "ord_3"]);
  });

  it("is empty when no buyer buys from two of the sellers", () => {
    const block = sellerBuyerBlock(
      "slr_a",
      [{ seller_id: "slr_a", buyer_id: null, orders: 9, rows: [] }],
      "2026-01-01T00:00:00.000Z",
    );
    expect(block).toMatchObject({ buyers: 0, density: 0, subjectShare: 0, subjectBuyers: 9 });
  });
});

describe("the block's undone trade", () => {
  it("reads the subject's block buyers' orders at every block seller, not other buyers' trade", () => {
    const block = sellerBuyerBlock(
      "slr_a",
      [
        { seller_id: "slr_a", buyer_id: null, orders: 20, rows: [] },
        // byr_1 buys from the subject and its partner: its trade at both counts.
        { seller_id: "slr_a", buyer_id: "byr_1", orders: 1, undone: 0, rows: ["ord_1"] },
        { seller_id: "slr_b", buyer_id: "byr_1", orders: 3, undone: 2, rows: ["ord_2"] },
        // byr_9 trades only between two other block sellers: not the subject's trade.
        { seller_id: "slr_b", buyer_id: "byr_9", orders: 10, undone: 10, rows: ["ord_3"] },
        { seller_id: "slr_c", buyer_id: "byr_9", orders: 10, undone: 10, rows: ["ord_4"] },
      ],
      "2026-01-01T00:00:00.000Z",
    );
    expect(block.subjectOrders).toBe(1);
    expect(block.subjectUndoRate).toBe(0);
    expect(block).toMatchObject({ orders: 4, undone: 2, undoRate: 0.5 });
  });
});
