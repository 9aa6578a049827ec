// The dense seller–buyer block around a seller (the Fraudar idea, on the
// neighbourhood only): buyers who ordered from at least two of the neighbourhood's
// sellers, how many of the subject's own buyers they are, and how densely they trade
// with the block's sellers. A closed ring's buyers fill its sellers' order books; a
// shop's ordinary customers rarely buy from the same few other shops. Pure.
import type { RowRef } from "./types.js";

export interface BlockRow {
  seller_id: string;
  /** NULL: the seller's distinct buyers in the window (`orders` holds the count). */
  buyer_id: string | null;
  orders: number;
  /** Of those orders, cancelled or refunded (absent in rows from before it was read). */
  undone?: number;
  rows: string[];
}

export interface SellerBuyerBlock {
  /** The window the orders were read in (ISO start, as-of end). */
  since: string;
  /** Sellers with at least one block buyer. */
  sellers: string[];
  /** Buyers who ordered from at least two neighbourhood sellers. */
  buyers: number;
  /** Seller–buyer pairs with an order in the block. */
  pairs: number;
  /** pairs / (sellers × buyers): 1 when every block buyer buys from every block seller. */
  density: number;
  /** The subject's distinct buyers in the window. */
  subjectBuyers: number;
  /** Share of the subject's buyers who are block buyers. */
  subjectShare: number;
  /** The subject's orders from block buyers in the window, and how many were undone. */
  subjectOrders: number;
  subjectUndone: number;
  /** Share of those orders cancelled or refunded (0 without orders). */
  subjectUndoRate: number;
  /**
   * The orders the subject's block buyers placed with any block seller in the window,
   * and how many were undone.
   */
  orders: number;
  undone: number;
  /**
   * Share of that trade cancelled or refunded: the ring's pay-off read on the trade
   * of the buyers the subject shares, at every shop of the block — not diluted by the
   * shops' ordinary custom, and not the trade of buyers the subject has no part in.
   * A partner with a handful of ring orders is judged by the ring trade it takes part in.
   */
  undoRate: number;
  /** A few orders of the subject's block buyers, the rows behind the share. */
  rows: RowRef[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function sellerBuyerBlock(
  subject: string,
  rows: readonly BlockRow[],
  since: string,
  sampleRows = 12,
): SellerBuyerBlock {
  const totals = new Map<string, number>();
  const sellers = new Set<string>();
  const buyers = new Set<string>();
  const subjectBlockBuyers = new Set<string>();
  const sample: RowRef[] = [];
  let pairs = 0;
  let subjectOrders = 0;
  let orders = 0;
  let undone = 0;
  let subjectUndone = 0;
  for (const row of rows) {
    if (row.buyer_id === null) {
      totals.set(row.seller_id, Number(row.orders));
      continue;
    }
    pairs++;
    sellers.add(row.seller_id);
    buyers.add(row.buyer_id);
    if (row.seller_id === subject) {
      subjectBlockBuyers.add(row.buyer_id);
      subjectOrders += Number(row.orders);
      subjectUndone += Number(row.undone ?? 0);
      for (const id of row.rows)
        if (sample.length < sampleRows) sample.push({ table: "orders", id });
    }
  }
  // The trade of the subject's own block buyers with every block seller.
  for (const row of rows)
    if (row.buyer_id !== null && subjectBlockBuyers.has(row.buyer_id)) {
      orders += Number(row.orders);
      undone += Number(row.undone ?? 0);
    }
  const cells = sellers.size * buyers.size;
  const subjectBuyers = totals.get(subject) ?? 0;
  return {
    since,
    sellers: [...sellers].sort(),
    buyers: buyers.size,
    pairs,
    density: cells ? round(pairs / cells) : 0,
    subjectBuyers,
    subjectShare: subjectBuyers ? round(subjectBlockBuyers.size / subjectBuyers) : 0,
    subjectOrders,
    subjectUndone,
    subjectUndoRate: subjectOrders ? round(subjectUndone / subjectOrders) : 0,
    orders,
    undone,
    undoRate: orders ? round(undone / orders) : 0,
    rows: sample,
  };
}
