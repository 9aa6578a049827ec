// The degree profile stored with a baseline snapshot (computed by the snapshot job
// at the snapshot's instant), read once per snapshot per process. What the app
// database holds is checked for the profile's shape before it is trusted: anything
// else (an older snapshot without one, a row written by another version) is null,
// and the caller reads the profile from the warehouse instead.
import { snapshotDegreeProfile } from "../../db/repositories/baseline-snapshots.js";
import type { Queryable } from "../../db/types.js";
import { ATTRIBUTE_KINDS, type DegreeProfile } from "./types.js";

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** The stored JSON as a degree profile, or null when it is not one. */
export function asDegreeProfile(stored: unknown): DegreeProfile | null {
  if (typeof stored !== "object" || stored === null) return null;
  const record = stored as Record<string, unknown>;
  for (const kind of ATTRIBUTE_KINDS) {
    const spread = record[kind] as Record<string, unknown> | undefined;
    if (!spread || !["sampled", "q1", "median", "q3", "max"].every((k) => finite(spread[k])))
      return null;
  }
  if (record.buyerShopPairs !== undefined && !finite(record.buyerShopPairs)) return null;
  const scores = record.blockScores;
  if (scores !== undefined) {
    if (typeof scores !== "object" || scores === null) return null;
    for (const list of Object.values(scores))
      if (!Array.isArray(list) || !list.every(finite)) return null;
  }
  return stored as DegreeProfile;
}

/** Reads a snapshot's stored profile (null when it has none), once per snapshot id. */
export function createStoredProfileReader(
  app: Queryable,
): (snapshotId: string) => Promise<DegreeProfile | null> {
  const read = new Map<string, Promise<DegreeProfile | null>>();
  return (snapshotId) => {
    let reading = read.get(snapshotId);
    if (!reading) {
      reading = snapshotDegreeProfile(app, snapshotId).then(asDegreeProfile);
      read.set(snapshotId, reading);
      reading.catch(() => read.delete(snapshotId));
      if (read.size > 16) read.delete(read.keys().next().value as string);
    }
    return reading;
  };
}
