// Baseline snapshots (migration 0014): the rows a snapshot job claims, completes or
// gives up, the search for the snapshot an investigation may use, and the stored
// category baselines of a snapshot. The job itself is tools/indicators/snapshots.ts.
import type { Database, Queryable } from "../types.js";
import { type SellerValues, storeSellerProfiles } from "./seller-profiles.js";

export type SnapshotStatus = "computing" | "complete" | "failed" | "legacy";

export interface SnapshotRow {
  id: string;
  /** The instant the baselines describe (ISO). */
  as_of: string;
  catalog: string;
  warehouse_seed: number | null;
  status: SnapshotStatus;
  started_at: string;
  computed_at: string | null;
  seconds: number | null;
  sellers: number | null;
  indicators: number | null;
  error: string | null;
  /** Seller profiles stored with it (null: computed before they existed). */
  profiles: number | null;
  /** How long storing the profiles took (s). */
  profile_seconds: number | null;
}

/** One indicator's distribution over one scope's sellers (101 percentiles). */
export interface BaselineRow {
  indicator: string;
  scope: string;
  sellers: number;
  quantiles: number[];
}

const COLUMNS = `id, as_of, catalog, warehouse_seed, status, started_at, computed_at, seconds,
  sellers, indicators, error, profiles, profile_seconds`;
/** The demo world loaded now (null on a warehouse casehound did not seed). */
const CURRENT_SEED = "(SELECT max(id) FROM casehound.warehouse_seeds)";

type Raw = Omit<SnapshotRow, "as_of" | "started_at" | "computed_at"> & {
  as_of: Date;
  started_at: Date;
  computed_at: Date | null;
};

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

function shape(r: Raw): SnapshotRow {
  return {
    ...r,
    as_of: new Date(r.as_of).toISOString(),
    started_at: new Date(r.started_at).toISOString(),
    computed_at: iso(r.computed_at),
    warehouse_seed: r.warehouse_seed === null ? null : Number(r.warehouse_seed),
    seconds: r.seconds === null ? null : Number(r.seconds),
    sellers: r.sellers === null ? null : Number(r.sellers),
    indicators: r.indicators === null ? null : Number(r.indicators),
    profiles: r.profiles === null ? null : Number(r.profiles),
    profile_seconds: r.profile_seconds === null ? null : Number(r.profile_seconds),
  };
}

/**
 * The newest complete snapshot of `catalog` and the current world at or before
 * `asOf` and no older than `freshnessMs` before it: never one from the case's future.
 */
export async function findUsableSnapshot(
  app: Queryable,
  query: {
    asOf: string;
    catalog: string;
    freshnessMs: number;
    /** Only snapshots that hold seller profiles (those computed since migration 0017). */
    profiled?: boolean;
  },
): Promise<SnapshotRow | null> {
  const { rows } = await app.query<Raw>(
    `SELECT ${COLUMNS} FROM casehound.baseline_snapshots
     WHERE status = 'complete' AND catalog = $1 AND as_of <= $2::timestamptz
       AND as_of >= $2::timestamptz - $3::double precision * interval '1 millisecond'
       AND warehouse_seed IS NOT DISTINCT FROM ${CURRENT_SEED}
       AND ($4::boolean IS NOT TRUE OR profiles IS NOT NULL)
     ORDER BY as_of DESC LIMIT 1`,
    [query.catalog, query.asOf, query.freshnessMs, query.profiled ?? false],
  );
  return rows[0] ? shape(rows[0]) : null;
}

/** The complete snapshot of exactly `asOf` (this catalogue, the current world), if any. */
export async function findSnapshotAt(
  app: Queryable,
  query: { asOf: string; catalog: string },
): Promise<SnapshotRow | null> {
  return findUsableSnapshot(app, { ...query, freshnessMs: 0 });
}

/** The claim being computed now, with how long ago its claimant last showed life. */
export async function computingSnapshot(
  app: Queryable,
): Promise<(SnapshotRow & { silentMs: number }) | null> {
  const { rows } = await app.query<Raw & { silent_ms: number }>(
    `SELECT ${COLUMNS}, extract(epoch FROM clock_timestamp() - heartbeat_at) * 1000 AS silent_ms
     FROM casehound.baseline_snapshots WHERE status = 'computing'`,
  );
  const row = rows[0];
  return row ? { ...shape(row), silentMs: Number(row.silent_ms) } : null;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "23505";

/**
 * Claims the computation of `asOf`'s snapshot: a new row, or the failed row of the
 * same instant taken over. False when another claim is computing (only one may be).
 */
export async function claimSnapshot(
  app: Queryable,
  claim: { id: string; asOf: string; catalog: string; owner: string },
): Promise<string | null> {
  try {
    const inserted = await app.query<{ id: string }>(
      `INSERT INTO casehound.baseline_snapshots (id, as_of, catalog, warehouse_seed, status, claimed_by)
       VALUES ($1, $2, $3, ${CURRENT_SEED}, 'computing', $4) ON CONFLICT DO NOTHING RETURNING id`,
      [claim.id, claim.asOf, claim.catalog, claim.owner],
    );
    if (inserted.rows[0]) return inserted.rows[0].id;
    const retaken = await app.query<{ id: string }>(
      `UPDATE casehound.baseline_snapshots
       SET status = 'computing', claimed_by = $3, started_at = now(), heartbeat_at = now(), error = NULL
       WHERE as_of = $1 AND catalog = $2 AND status = 'failed'
         AND warehouse_seed IS NOT DISTINCT FROM ${CURRENT_SEED}
       RETURNING id`,
      [claim.asOf, claim.catalog, claim.owner],
    );
    return retaken.rows[0]?.id ?? null;
  } catch (error) {
    if (isUniqueViolation(error)) return null; // another claimant got there first
    throw error;
  }
}

/** Marks a claim whose claimant fell silent for `silentMs` as failed; true if it did. */
export async function abandonSilentClaim(app: Queryable, silentMs: number): Promise<boolean> {
  const { rows } = await app.query<{ id: string }>(
    `UPDATE casehound.baseline_snapshots SET status = 'failed',
       error = 'abandoned: its claimant stopped renewing the claim'
     WHERE status = 'computing'
       AND heartbeat_at <= clock_timestamp() - $1::double precision * interval '1 millisecond'
     RETURNING id`,
    [silentMs],
  );
  return rows.length > 0;
}

export async function renewClaim(app: Queryable, id: string): Promise<void> {
  await app.query(
    "UPDATE casehound.baseline_snapshots SET heartbeat_at = clock_timestamp() WHERE id = $1 AND status = 'computing'",
    [id],
  );
}

/**
 * Stores a snapshot's baselines and its sellers' profiles and marks it complete, in
 * one short transaction (the computation is done before it starts), so a complete
 * snapshot always has its profiles. False when the claim was lost.
 */
export async function completeSnapshot(
  app: Database,
  id: string,
  baselines: BaselineRow[],
  facts: { seconds: number; sellers: number; indicators: number },
  sellers: readonly SellerValues[] = [],
  /** The warehouse's degree profile at the snapshot's instant (tools/links), stored as JSON. */
  degreeProfile: unknown = null,
): Promise<boolean> {
  return app.transaction(async (tx) => {
    const { rows } = await tx.query<{ as_of: Date }>(
      `UPDATE casehound.baseline_snapshots
       SET status = 'complete', computed_at = clock_timestamp(), seconds = $2, sellers = $3, indicators = $4
       WHERE id = $1 AND status = 'computing' RETURNING as_of`,
      [id, facts.seconds, facts.sellers, facts.indicators],
    );
    if (!rows[0]) return false;
    await tx.query(
      `INSERT INTO casehound.indicator_baselines (snapshot_id, indicator, scope, as_of, sellers, quantiles)
       SELECT $1, r.indicator, r.scope, $2, r.sellers, r.quantiles
       FROM jsonb_to_recordset($3::jsonb)
         AS r(indicator text, scope text, sellers integer, quantiles double precision[])`,
      [id, rows[0].as_of, JSON.stringify(baselines)],
    );
    if (degreeProfile !== null)
      await tx.query(
        "UPDATE casehound.baseline_snapshots SET degree_profile = $2::jsonb WHERE id = $1",
        [id, JSON.stringify(degreeProfile)],
      );
    if (sellers.length > 0) {
      const started = performance.now();
      const profiles = await storeSellerProfiles(tx, id, sellers);
      await tx.query(
        "UPDATE casehound.baseline_snapshots SET profiles = $2, profile_seconds = $3 WHERE id = $1",
        [id, profiles, Math.round(performance.now() - started) / 1000],
      );
    }
    return true;
  });
}

/** The degree profile stored with a snapshot, as stored (null when it has none). */
export async function snapshotDegreeProfile(app: Queryable, id: string): Promise<unknown> {
  const { rows } = await app.query<{ degree_profile: unknown }>(
    "SELECT degree_profile FROM casehound.baseline_snapshots WHERE id = $1 AND status = 'complete'",
    [id],
  );
  return rows[0]?.degree_profile ?? null;
}

export async function failSnapshot(app: Queryable, id: string, error: string): Promise<void> {
  await app.query(
    "UPDATE casehound.baseline_snapshots SET status = 'failed', error = $2 WHERE id = $1 AND status = 'computing'",
    [id, error.slice(0, 1000)],
  );
}

/** Every baseline a snapshot holds. */
export async function snapshotBaselines(app: Queryable, id: string): Promise<BaselineRow[]> {
  const { rows } = await app.query<BaselineRow>(
    "SELECT indicator, scope, sellers, quantiles FROM casehound.indicator_baselines WHERE snapshot_id = $1",
    [id],
  );
  return rows.map((r) => ({
    ...r,
    sellers: Number(r.sellers),
    quantiles: r.quantiles.map(Number),
  }));
}

/** The instant the demo world loaded last is anchored at; null when casehound did not seed it. */
export async function seededWorldAsOf(app: Queryable): Promise<string | null> {
  const { rows } = await app.query<{ as_of: Date }>(
    "SELECT as_of FROM casehound.warehouse_seeds ORDER BY id DESC LIMIT 1",
  );
  return rows[0] ? new Date(rows[0].as_of).toISOString() : null;
}

/** Snapshots newest first (by the instant they describe, then by when they started). */
export async function listSnapshots(app: Queryable, limit = 100): Promise<SnapshotRow[]> {
  const { rows } = await app.query<Raw>(
    `SELECT ${COLUMNS} FROM casehound.baseline_snapshots
     ORDER BY as_of DESC, started_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map(shape);
}
