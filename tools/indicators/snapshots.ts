// Baseline snapshots: the category baselines of every indicator for one instant,
// computed by one set-based job (snapshot-job.ts) under a claim that lets one run at
// a time (snapshot-claim.ts), and stored (migration 0014). The public entries: the
// snapshot of an instant (a refresh), and the snapshot a case compares against.
import { findSnapshotAt, findUsableSnapshot } from "../../db/repositories/baseline-snapshots.js";
import { backfillSellerProfiles } from "../../db/repositories/seller-profiles.js";
import type { Database } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { type BaselineSnapshotInfo, obtain, type SnapshotOptions } from "./snapshot-claim.js";
import { CATALOG_FINGERPRINT, computeBaselines } from "./snapshot-job.js";

export type { BaselineSnapshotInfo, SnapshotOptions };
export { CATALOG_FINGERPRINT };

/** How old a snapshot may be, before a case's as-of, for the case to compare against it. */
export const DEFAULT_FRESHNESS_HOURS = 24;

export function normaliseAsOf(asOf: string): string {
  const at = typeof asOf === "string" ? Date.parse(asOf) : Number.NaN;
  if (Number.isNaN(at))
    throw new AppError("bad_argument", `as-of ${String(asOf)} is not an ISO 8601 instant`);
  return new Date(at).toISOString();
}

/**
 * The complete snapshot of exactly `asOf`, computed (under the claim) when there is
 * none: idempotent for an instant that already has one. One computed before seller
 * profiles existed (migration 0017) gets them: the job's values are read again for
 * its instant. The scheduled refresh and `casehound baselines refresh` call it.
 */
export async function refreshBaselineSnapshot(
  warehouse: Database,
  app: Database,
  asOf: string,
  options: SnapshotOptions = {},
): Promise<BaselineSnapshotInfo> {
  const instant = normaliseAsOf(asOf);
  const snapshot = await obtain(
    warehouse,
    app,
    instant,
    () => findSnapshotAt(app, { asOf: instant, catalog: CATALOG_FINGERPRINT }),
    options,
  );
  if (snapshot.profiles > 0) return snapshot;
  const job = await computeBaselines(warehouse, snapshot.asOf);
  const stored = await backfillSellerProfiles(app, snapshot.id, job.values);
  if (stored) return { ...snapshot, profiles: stored.profiles, profileSeconds: stored.seconds };
  // Another caller stored them first.
  const row = await findSnapshotAt(app, { asOf: instant, catalog: CATALOG_FINGERPRINT });
  return { ...snapshot, profiles: row?.profiles ?? 0, profileSeconds: row?.profile_seconds ?? 0 };
}

/**
 * The snapshot a case as of `asOf` compares against: the newest complete one at or
 * before it within the freshness window — never one from its future — or, when
 * there is none, one computed for `asOf` itself.
 */
export async function snapshotForCase(
  warehouse: Database,
  app: Database,
  asOf: string,
  options: SnapshotOptions & { freshnessHours?: number } = {},
): Promise<BaselineSnapshotInfo> {
  const instant = normaliseAsOf(asOf);
  const hours = options.freshnessHours ?? DEFAULT_FRESHNESS_HOURS;
  if (!Number.isFinite(hours) || hours < 0)
    throw new AppError("bad_argument", `baseline freshness must be ≥ 0 hours, not ${hours}`);
  const freshnessMs = hours * 3_600_000;
  return obtain(
    warehouse,
    app,
    instant,
    () => findUsableSnapshot(app, { asOf: instant, catalog: CATALOG_FINGERPRINT, freshnessMs }),
    options,
  );
}
