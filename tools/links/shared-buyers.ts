// Sellers linked through the buyers they share, judged against what the two shops'
// sizes predict. A ring trades among its own buyers, whatever channel it hides its
// coordination in (devices, a network, drop addresses, or only the clock), so its
// sellers share buyers who buy almost nowhere else. Busy shops share many buyers
// too, but buyers of many shops. So each common buyer weighs 1/(shops it bought
// from − 1) — a buyer of only these two weighs 1, a buyer of nine shops 1/8 (the
// resource-allocation index) — and the weighted count is compared with its
// expectation if buyers chose shops independently, n_a · n_b / P (P the
// marketplace's distinct buyer–shop pairs; the weights cancel the buyers' degrees
// exactly). A pair is linked when that count is surprising: at least two buyers,
// and a Poisson chance of at most one in a thousand (MAX_CHANCE). Pure, beside its
// one set-based statement.
import type { RowRef, SharedBuyers } from "./types.js";

/** A pair whose weighted overlap has at most this chance under independence is linked. */
export const MAX_CHANCE = 1e-3;
/** Fewer common buyers than this never links: one customer of two shops is how markets work. */
export const MIN_COMMON_BUYERS = 2;
/** Less than two exclusive buyers' worth is read as chance whatever the shops' sizes. */
export const MIN_WEIGHTED = 2;
/**
 * Buyers per seller whose other shops are read, the latest first: a busy shop's whole
 * clientele's order history costs seconds, and a bound can only miss links (the
 * weighted count is read on fewer buyers, the expectation on all of them).
 */
export const BUYERS_READ_PER_SELLER = 500;
/** What a significant overlap adds to an edge: as one attribute no one else holds. */
export const SHARED_BUYERS_WEIGHT = 1;

/**
 * $1 frontier seller ids, $2 as-of, $3 least common buyers, $4 least weighted count,
 * $5 order rows kept per side, $6 the marketplace's buyer–shop pairs (P), $7 the most
 * buyers read per seller (its latest; its size still counts them all): for each
 * frontier seller and each other seller its buyers also bought from up to $2 — the
 * common buyers, their weighted count (each 1/(its shops − 1)), both shops' distinct
 * buyers, and the first orders of the most exclusive common buyers on each side.
 * Only pairs reaching $3 and $4 are sized, and an other shop's buyers are counted
 * only up to the size at which the pair's expectation n_a·n_b/P would reach its
 * weighted count (a Poisson count at or under its mean is never surprising): a busy
 * shop's order book is not read to the end to learn it is busy. The id lists are
 * arrays (ARRAY(subquery)) so the planner probes the orders' indexes.
 */
export const SHARED_BUYERS_SQL = `
WITH every_buyer AS (
  SELECT o.seller_id, o.buyer_id, min(o.order_id) AS order_id, max(o.created_at) AS last
    FROM risk.orders o
   WHERE o.seller_id = ANY($1::text[]) AND o.created_at <= $2
   GROUP BY o.seller_id, o.buyer_id
), mine_sizes AS (
  SELECT seller_id, count(*)::int AS buyers FROM every_buyer GROUP BY seller_id
), mine AS (
  SELECT seller_id, buyer_id, order_id FROM (
    SELECT b.*, row_number() OVER (PARTITION BY b.seller_id ORDER BY b.last DESC, b.buyer_id) AS k
      FROM every_buyer b
  ) r WHERE r.k <= $7
), theirs AS (
  SELECT o.buyer_id, o.seller_id, min(o.order_id) AS order_id
    FROM risk.orders o
   WHERE o.buyer_id = ANY (ARRAY(SELECT DISTINCT buyer_id FROM mine)) AND o.created_at <= $2
   GROUP BY o.buyer_id, o.seller_id
), shops AS (
  SELECT buyer_id, count(*) AS shops FROM theirs GROUP BY buyer_id
), common AS (
  SELECT m.seller_id, t.seller_id AS other, count(*)::int AS buyers,
         sum(1.0 / (s.shops - 1))::float8 AS weighted,
         (array_agg(m.order_id ORDER BY s.shops, m.buyer_id))[1:$5] AS rows,
         (array_agg(t.order_id ORDER BY s.shops, m.buyer_id))[1:$5] AS other_rows
    FROM mine m
    JOIN theirs t ON t.buyer_id = m.buyer_id AND t.seller_id <> m.seller_id
    JOIN shops s ON s.buyer_id = m.buyer_id
   GROUP BY m.seller_id, t.seller_id
  HAVING count(*) >= $3 AND sum(1.0 / (s.shops - 1)) >= $4
), caps AS (
  SELECT c.other AS seller_id, floor(max(c.weighted * $6::float8 / ms.buyers))::int AS cap
    FROM common c JOIN mine_sizes ms ON ms.seller_id = c.seller_id
   GROUP BY c.other
), sizes AS (
  SELECT k.seller_id, k.cap, x.buyers
    FROM caps k
   CROSS JOIN LATERAL (
     SELECT count(*)::int AS buyers FROM (
       SELECT DISTINCT o.buyer_id FROM risk.orders o
        WHERE o.seller_id = k.seller_id AND o.created_at <= $2
        ORDER BY o.buyer_id LIMIT k.cap + 1
     ) d
   ) x
)
SELECT c.seller_id, c.other, c.buyers, c.weighted, a.buyers AS seller_buyers,
       b.buyers AS other_buyers, c.rows, c.other_rows
  FROM common c
  JOIN mine_sizes a ON a.seller_id = c.seller_id
  JOIN sizes b ON b.seller_id = c.other
 WHERE b.buyers <= b.cap
 ORDER BY c.seller_id, c.other`;

export interface SharedBuyersRow {
  seller_id: string;
  other: string;
  buyers: number | string;
  weighted: number | string;
  seller_buyers: number | string;
  other_buyers: number | string;
  rows: string[] | null;
  other_rows: string[] | null;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7): enough digits for a chance's order of magnitude. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * log10 of the chance a Poisson count with this mean reaches `w`, extended to a
 * non-integer w as the regularised lower incomplete gamma P(w, mean) — for an
 * integer w exactly P(X ≥ w). Summed as a series, so tiny chances keep their digits.
 */
export function poissonTailLog10(w: number, mean: number): number {
  if (w <= 0) return 0;
  if (mean <= 0) return Number.NEGATIVE_INFINITY;
  let total = 0;
  for (let n = 0; n < 1000; n++) {
    const term = Math.exp(n * Math.log(mean) - logGamma(w + n + 1) + logGamma(w + 1));
    total += term;
    if (term < 1e-16 * total) break;
  }
  const log = w * Math.log(mean) - mean - logGamma(w + 1) + Math.log(total);
  return Math.min(0, log / Math.LN10);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Two sellers (`a` < `b`) and the buyers they share. */
export interface SharedBuyerLink {
  a: string;
  b: string;
  shared: SharedBuyers;
}

/**
 * The pairs whose overlap is surprising, given P (the marketplace's distinct
 * buyer–shop pairs up to the as-of). A pair met from both ends is kept once.
 */
export function sharedBuyerLinks(
  rows: readonly SharedBuyersRow[],
  pairs: number,
  maxChance = MAX_CHANCE,
): SharedBuyerLink[] {
  const out = new Map<string, SharedBuyerLink>();
  for (const row of rows) {
    const weighted = Number(row.weighted);
    const expected = (Number(row.seller_buyers) * Number(row.other_buyers)) / Math.max(1, pairs);
    const chance = poissonTailLog10(weighted, expected);
    if (Number(row.buyers) < MIN_COMMON_BUYERS || chance > Math.log10(maxChance)) continue;
    const flip = row.other < row.seller_id;
    const [a, b] = flip ? [row.other, row.seller_id] : [row.seller_id, row.other];
    const key = `${a}\u0000${b}`;
    if (out.has(key)) continue;
    const refs = (ids: string[] | null): RowRef[] =>
      (ids ?? []).map((id) => ({ table: "orders", id }));
    const sides: [RowRef[], RowRef[]] = [refs(row.rows), refs(row.other_rows)];
    out.set(key, {
      a,
      b,
      shared: {
        buyers: Number(row.buyers),
        weighted: round(weighted),
        expected: round(expected),
        surprise: round(-chance),
        weight: SHARED_BUYERS_WEIGHT,
        rows: flip ? [sides[1], sides[0]] : sides,
      },
    });
  }
  return [...out.values()];
}
