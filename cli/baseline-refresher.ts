// The daily baseline refresh a worker's schedule runs (server/worker/baselines-schedule.ts):
// one snapshot for the instant it fires, read from the warehouse and stored in the
// app database.
import type { Database } from "../db/types.js";

export function baselineRefresher(
  warehouse: Database,
  app: Database,
): (asOf: string) => Promise<unknown> {
  return async (asOf) => {
    const { refreshBaselineSnapshot } = await import("../tools/indicators/snapshots.js");
    return refreshBaselineSnapshot(warehouse, app, asOf);
  };
}
