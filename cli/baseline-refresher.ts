// The daily baseline refresh a worker's schedule runs (server/worker/baselines-schedule.ts):
// one snapshot for the instant it fires, read from the warehouse (WAREHOUSE_URL, else
// the same database) and stored in the app database.
import type { Env } from "../config/env.js";
import type { Database } from "../db/types.js";

export function baselineRefresher(db: Database, env: Env): (asOf: string) => Promise<unknown> {
  return async (asOf) => {
    const { refreshBaselineSnapshot } = await import("../tools/indicators/snapshots.js");
    if (!env.WAREHOUSE_URL) return refreshBaselineSnapshot(db, db, asOf);
    const { openPostgres } = await import("../db/postgres.js");
    const warehouse = await openPostgres(env.WAREHOUSE_URL);
    try {
      return await refreshBaselineSnapshot(warehouse, db, asOf);
    } finally {
      await warehouse.close();
    }
  };
}
