// The two nearest-neighbour queries over a snapshot's seller profiles: the HNSW
// index's (approximate) and an exact one (every profile of the snapshot measured),
// with the settings each runs under. Both take $1 snapshot id, $2 the query
// profile ('[…]'), $3 the seller left out (the subject itself), $4 k.
import type { Database } from "../../db/types.js";

export type SearchMethod = "hnsw" | "exact";

/**
 * How wide the HNSW search looks (pgvector's hnsw.ef_search). On the medium world
 * (5,000 sellers) 40 already found every exact top-10 neighbour (bench:similar);
 * wider only cost time.
 */
export const DEFAULT_EF_SEARCH = 40;

/** Ordered by the index: the planner walks the HNSW graph for `profile <-> $2`. */
export const HNSW_SQL = `SELECT seller_id, category, profile <-> $2::vector AS distance
FROM casehound.seller_profiles
WHERE snapshot_id = $1 AND seller_id <> $3
ORDER BY profile <-> $2::vector
LIMIT $4`;

/** The materialised CTE hides the index: every profile of the snapshot is measured. */
export const EXACT_SQL = `WITH profiles AS MATERIALIZED (
  SELECT seller_id, category, profile <-> $2::vector AS distance
  FROM casehound.seller_profiles
  WHERE snapshot_id = $1 AND seller_id <> $3
)
SELECT seller_id, category, distance FROM profiles
ORDER BY distance, seller_id
LIMIT $4`;

/**
 * The HNSW query's session settings, local to its transaction: the search width;
 * iterative scans (pgvector ≥ 0.8), so rows of other snapshots the filter drops do
 * not leave fewer than k; and no sort plan, so the planner takes the index's order
 * instead of sorting the snapshot's rows read by its primary key (which is exact,
 * and what EXACT_SQL does on purpose).
 */
export function hnswSettings(efSearch: number): Record<string, string> {
  return {
    "hnsw.ef_search": String(efSearch),
    "hnsw.iterative_scan": "strict_order",
    enable_sort: "off",
  };
}

export interface NeighbourRow {
  seller_id: string;
  category: string;
  distance: number;
}

/** Runs one of the queries in a transaction of its own, under its settings. */
export async function runSearch(
  db: Database,
  sql: string,
  params: unknown[],
  settings: Record<string, string>,
): Promise<NeighbourRow[]> {
  const entries = Object.entries(settings);
  return db.transaction(async (tx) => {
    // One round trip for every setting.
    if (entries.length > 0)
      await tx.query(
        `SELECT ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ")}`,
        entries.flat(),
      );
    const { rows } = await tx.query<NeighbourRow>(sql, params);
    return rows.map((r) => ({ ...r, distance: Number(r.distance) }));
  });
}
