// The baseline snapshot a similar-seller search reads: like a case's, the newest
// complete one at or before the as-of within the freshness window (this catalogue,
// the current world) — here also one that holds seller profiles. A search never
// computes one: it says how to.
import { findUsableSnapshot, type SnapshotRow } from "../../db/repositories/baseline-snapshots.js";
import type { Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import {
  CATALOG_FINGERPRINT,
  DEFAULT_FRESHNESS_HOURS,
  normaliseAsOf,
} from "../indicators/snapshots.js";

export async function profiledSnapshot(
  app: Queryable,
  asOf: string,
  freshnessHours = DEFAULT_FRESHNESS_HOURS,
): Promise<SnapshotRow> {
  const instant = normaliseAsOf(asOf);
  const found = await findUsableSnapshot(app, {
    asOf: instant,
    catalog: CATALOG_FINGERPRINT,
    freshnessMs: freshnessHours * 3_600_000,
    profiled: true,
  });
  if (!found)
    throw new AppError(
      "conflict",
      `no baseline snapshot with seller profiles at or before ${instant} (within ${freshnessHours} h); ` +
        "compute one with: casehound baselines refresh",
    );
  return found;
}
