// Seller profiles (migration 0017): each seller's indicator percentiles among its
// category peers at a baseline snapshot's instant, stored as a vector. The
// percentiles are computed here, set-based in SQL, from the values the snapshot job
// read; the nearest-neighbour search over them is tools/similar.
import { parseVector } from "../type-parsers.js";
import type { Database, Queryable } from "../types.js";

/** One seller's value of every catalogued indicator (null: no value), in catalogue order. */
export interface SellerValues {
  sellerId: string;
  category: string;
  values: (number | null)[];
}

/**
 * Mid-rank percentile per (category, indicator) over the sellers with a value —
 * (peers below + half the peers tied) / peers with a value — and 0.5 for a seller
 * without one; then one vector per seller, components in catalogue order.
 */
const STORE_PROFILES = `
INSERT INTO casehound.seller_profiles (snapshot_id, seller_id, category, profile)
WITH valued AS (
  SELECT r.s AS seller_id, r.c AS category, x.i AS i,
         CASE WHEN jsonb_typeof(x.v) = 'number' THEN x.v::float8 END AS value
  FROM jsonb_to_recordset($2::jsonb) AS r(s text, c text, v jsonb),
       jsonb_array_elements(r.v) WITH ORDINALITY AS x(v, i)
), ranked AS (
  SELECT seller_id, category, i,
         CASE WHEN value IS NULL THEN 0.5
              ELSE (rank() OVER (PARTITION BY category, i ORDER BY value) - 1
                    + 0.5 * count(*) OVER (PARTITION BY category, i, value))
                   / count(value) OVER (PARTITION BY category, i)
         END AS percentile
  FROM valued
)
SELECT $1, seller_id, min(category), array_agg(percentile ORDER BY i)::float8[]::vector
FROM ranked GROUP BY seller_id`;

/** Stores a snapshot's profiles (in the caller's transaction); returns how many. */
export async function storeSellerProfiles(
  tx: Queryable,
  snapshotId: string,
  sellers: readonly SellerValues[],
): Promise<number> {
  const payload = sellers.map((s) => ({ s: s.sellerId, c: s.category, v: s.values }));
  const { rowCount } = await tx.query(STORE_PROFILES, [snapshotId, JSON.stringify(payload)]);
  return rowCount;
}

export interface StoredProfile {
  sellerId: string;
  category: string;
  profile: number[];
}

/** One seller's profile at a snapshot, if the snapshot has one for it. */
export async function readSellerProfile(
  db: Queryable,
  snapshotId: string,
  sellerId: string,
): Promise<StoredProfile | null> {
  // As text, parsed here: the answer must not depend on whether this connection has
  // registered the vector type's parser (a pool opened without migrating has not).
  const { rows } = await db.query<{ seller_id: string; category: string; profile: string }>(
    `SELECT seller_id, category, profile::text AS profile FROM casehound.seller_profiles
     WHERE snapshot_id = $1 AND seller_id = $2`,
    [snapshotId, sellerId],
  );
  const row = rows[0];
  return row
    ? { sellerId: row.seller_id, category: row.category, profile: parseVector(row.profile) }
    : null;
}

/**
 * Adds profiles to a complete snapshot computed before they existed (profiles IS
 * NULL), in one transaction; the row's lock makes a second caller find it done.
 * Returns how many were stored and how long that took, or null if it had them.
 */
export async function backfillSellerProfiles(
  app: Database,
  snapshotId: string,
  sellers: readonly SellerValues[],
): Promise<{ profiles: number; seconds: number } | null> {
  return app.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE casehound.baseline_snapshots SET profiles = 0
       WHERE id = $1 AND status = 'complete' AND profiles IS NULL RETURNING id`,
      [snapshotId],
    );
    if (!rows[0]) return null;
    const started = performance.now();
    const profiles = await storeSellerProfiles(tx, snapshotId, sellers);
    const seconds = Math.round(performance.now() - started) / 1000;
    await tx.query(
      "UPDATE casehound.baseline_snapshots SET profiles = $2, profile_seconds = $3 WHERE id = $1",
      [snapshotId, profiles, seconds],
    );
    return { profiles, seconds };
  });
}
