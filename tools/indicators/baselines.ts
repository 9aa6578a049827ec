// Category baselines as one case sees them: how an indicator is distributed over
// comparable sellers (same category) in the baseline snapshot the case compares
// against (snapshots.ts) — resolved once per case, on its first comparison. A
// snapshot's rows never change, so the store keeps the rows of the last few
// snapshots in memory for every case of the process.
import { type BaselineRow, snapshotBaselines } from "../../db/repositories/baseline-snapshots.js";
import type { Database } from "../../db/types.js";
import type { Baseline, BaselineSnapshotRef } from "../../domain/indicator.js";
import type { IndicatorDefinition } from "./definition.js";
import { percentileRank } from "./percentiles.js";
import { type SnapshotOptions, snapshotForCase } from "./snapshots.js";

export { percentileRank, percentiles } from "./percentiles.js";

export interface Comparison {
  baseline: Baseline | null;
  percentile: number | null;
}

export interface BaselineCache {
  compare(
    definition: IndicatorDefinition,
    category: string,
    value: number | null,
  ): Promise<Comparison>;
}

/** The rows of resolved snapshots, by snapshot id, shared by a process's cases. */
export interface SnapshotStore {
  rows(snapshotId: string): Promise<Map<string, BaselineRow>>;
}

const keyOf = (indicator: string, scope: string) => `${indicator}|${scope}`;

/** Keeps the rows of the `keep` snapshots used last; a failed read is retried next time. */
export function createSnapshotStore(app: Database, keep = 4): SnapshotStore {
  const loaded = new Map<string, Promise<Map<string, BaselineRow>>>();
  return {
    rows(snapshotId) {
      let rows = loaded.get(snapshotId);
      if (rows)
        loaded.delete(snapshotId); // re-inserted below: the newest use goes last
      else {
        rows = snapshotBaselines(app, snapshotId).then(
          (list) => new Map(list.map((r) => [keyOf(r.indicator, r.scope), r])),
        );
        rows.catch(() => loaded.delete(snapshotId));
      }
      loaded.set(snapshotId, rows);
      while (loaded.size > keep) loaded.delete(loaded.keys().next().value as string);
      return rows;
    },
  };
}

export interface BaselineCacheOptions extends SnapshotOptions {
  /** How old a snapshot may be before the case's as-of (default 24 h). */
  freshnessHours?: number;
  store?: SnapshotStore;
}

export function createBaselineCache(
  warehouse: Database,
  app: Database,
  asOf: string,
  options: BaselineCacheOptions = {},
): BaselineCache & {
  /** The snapshot this case compares against (found, or computed once, on first use). */
  snapshot(): Promise<BaselineSnapshotRef>;
} {
  const store = options.store ?? createSnapshotStore(app);
  let resolved: Promise<{ ref: BaselineSnapshotRef; rows: Map<string, BaselineRow> }> | undefined;
  const resolve = () => {
    if (!resolved) {
      const pending = (async () => {
        const snapshot = await snapshotForCase(warehouse, app, asOf, options);
        return {
          ref: { id: snapshot.id, as_of: snapshot.asOf },
          rows: await store.rows(snapshot.id),
        };
      })();
      pending.catch(() => {
        if (resolved === pending) resolved = undefined; // a failed resolution is retried
      });
      resolved = pending;
    }
    return resolved;
  };

  return {
    async snapshot() {
      return (await resolve()).ref;
    },
    async compare(definition, category, value) {
      const scope = `category:${category}`;
      const { ref, rows } = await resolve();
      const row = rows.get(keyOf(definition.id, scope));
      if (!row) return { baseline: null, percentile: null };
      const q = row.quantiles;
      return {
        baseline: {
          scope,
          sellers: row.sellers,
          p50: q[50] as number,
          p90: q[90] as number,
          p99: q[99] as number,
          snapshot: ref,
        },
        percentile: value === null ? null : percentileRank(q, value),
      };
    },
  };
}
