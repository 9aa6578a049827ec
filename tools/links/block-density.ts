// How dense the seller–buyer block around a seller is, against its category. The
// score is the surprise (−log10 chance, shared-buyers.ts) of the densest two-shop
// block the seller forms: itself, the shop it shares the most exclusive buyers with
// beyond what their sizes predict, and those buyers. A ring's sellers form blocks
// no ordinary shop does; a busy shop's many common buyers are expected and score
// low. The category's distribution comes from a fixed hash sample of its sellers,
// scored by the same statement once per as-of with the degree profile, so a case
// compares itself without a category-wide pass. A seller with no pair of at least
// two buyers and two exclusive buyers' worth scores 0.
import type { Queryable } from "../../db/types.js";
import {
  BUYERS_READ_PER_SELLER,
  MIN_COMMON_BUYERS,
  MIN_WEIGHTED,
  poissonTailLog10,
  SHARED_BUYERS_SQL,
  type SharedBuyersRow,
} from "./shared-buyers.js";
import type { BlockDensity } from "./types.js";

/** Sellers per category scored for its distribution (the first by hash of their id). */
export const BLOCK_SAMPLE_PER_CATEGORY = 48;

/** $1 as-of, $2 sellers per category: a fixed hash sample of each category's sellers. */
export const BLOCK_SAMPLE_SQL = `
SELECT seller_id, category FROM (
  SELECT s.seller_id, s.category,
         row_number() OVER (PARTITION BY s.category ORDER BY hashtext(s.seller_id), s.seller_id) AS k
    FROM risk.sellers s WHERE s.registered_at <= $1
) ranked WHERE k <= $2 ORDER BY category, seller_id`;

export interface DensestBlock {
  /** −log10 of the chance of its weighted overlap under independence (0: no block). */
  score: number;
  /** The other shop, when there is a block. */
  other: string | null;
  buyers: number;
  weighted: number;
  expected: number;
  /** The first orders of its most exclusive buyers at the seller and at the other shop. */
  rows: string[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Each seller's densest two-shop block among the shared-buyer rows it heads. */
export function densestBlocks(
  rows: readonly SharedBuyersRow[],
  pairs: number,
): Map<string, DensestBlock> {
  const out = new Map<string, DensestBlock>();
  for (const row of rows) {
    const weighted = Number(row.weighted);
    const expected = (Number(row.seller_buyers) * Number(row.other_buyers)) / Math.max(1, pairs);
    const score = round(-poissonTailLog10(weighted, expected));
    const best = out.get(row.seller_id);
    if (best && best.score >= score) continue;
    out.set(row.seller_id, {
      score,
      other: row.other,
      buyers: Number(row.buyers),
      weighted: round(weighted),
      expected: round(expected),
      rows: [...(row.rows ?? []), ...(row.other_rows ?? [])],
    });
  }
  return out;
}

/** Mid-rank percentile (0–100) of `score` among the sorted `scores`. */
export function percentileAmong(scores: readonly number[], score: number): number | null {
  if (!scores.length) return null;
  const below = scores.filter((s) => s < score).length;
  const equal = scores.filter((s) => s === score).length;
  return Math.round(((below + equal / 2) / scores.length) * 1000) / 10;
}

/** Per category, the sorted block scores of its sampled sellers (0 for those with none). */
export async function readCategoryBlockScores(
  warehouse: Queryable,
  asOf: string,
  pairs: number,
): Promise<Record<string, number[]>> {
  const sample = await warehouse.query<{ seller_id: string; category: string }>(BLOCK_SAMPLE_SQL, [
    asOf,
    BLOCK_SAMPLE_PER_CATEGORY,
  ]);
  if (!sample.rows.length) return {};
  const { rows } = await warehouse.query<SharedBuyersRow>(SHARED_BUYERS_SQL, [
    sample.rows.map((r) => r.seller_id),
    asOf,
    MIN_COMMON_BUYERS,
    MIN_WEIGHTED,
    0,
    pairs,
    BUYERS_READ_PER_SELLER,
  ]);
  const blocks = densestBlocks(rows, pairs);
  const out: Record<string, number[]> = {};
  for (const { seller_id, category } of sample.rows) {
    const scores = out[category] ?? [];
    scores.push(blocks.get(seller_id)?.score ?? 0);
    out[category] = scores;
  }
  for (const scores of Object.values(out)) scores.sort((a, b) => a - b);
  return out;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null)
    : null;

/** The subject's densest block placed among its category's sampled scores. */
export function blockDensity(
  densest: DensestBlock | null,
  category: string | null,
  scores: Readonly<Record<string, number[]>> | undefined,
): BlockDensity {
  const peers = category ? (scores?.[category] ?? []) : [];
  const score = densest?.score ?? 0;
  return {
    category,
    score,
    other: densest?.other ?? null,
    buyers: densest?.buyers ?? 0,
    weighted: densest?.weighted ?? 0,
    expected: densest?.expected ?? 0,
    rows: (densest?.rows ?? []).map((id) => ({ table: "orders", id })),
    percentile: percentileAmong(peers, score),
    peers: peers.length,
    p50: quantile(peers, 0.5),
    p90: quantile(peers, 0.9),
    p99: quantile(peers, 0.99),
  };
}
