// Category baselines: how an indicator is distributed over comparable sellers (same
// category). Computed with the indicator's own set-based query over the whole
// warehouse, summarised as 101 percentiles, and cached per as-of instant in
// casehound.indicator_baselines, so each is computed once.
import type { Database, Queryable } from "../../db/types.js";
import type { Baseline } from "../../domain/indicator.js";
import type { IndicatorDefinition } from "./definition.js";

/** The 0th..100th percentiles of sorted values (linear interpolation). */
export function percentiles(sorted: readonly number[]): number[] {
  return Array.from({ length: 101 }, (_, i) => {
    const position = ((sorted.length - 1) * i) / 100;
    const lo = Math.floor(position);
    const hi = Math.ceil(position);
    return (
      (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (position - lo)
    );
  });
}

/** Approximate share of the population below `value` (ties count half). */
export function percentileRank(quantiles: readonly number[], value: number): number {
  let below = 0;
  let equal = 0;
  for (const q of quantiles) {
    if (q < value) below++;
    else if (q === value) equal++;
  }
  return (below + equal / 2) / quantiles.length;
}

async function computeAll(
  warehouse: Queryable,
  definition: IndicatorDefinition,
  asOf: string,
): Promise<Map<string, number[]>> {
  const values = await warehouse.query<{ seller_id: string; value: number | null }>(
    definition.valueSql,
    [null, asOf],
  );
  const sellers = await warehouse.query<{ seller_id: string; category: string }>(
    "SELECT seller_id, category FROM risk.sellers",
  );
  const byId = new Map(values.rows.map((r) => [r.seller_id, r.value]));
  const byCategory = new Map<string, number[]>();
  for (const { seller_id, category } of sellers.rows) {
    const value = byId.has(seller_id) ? byId.get(seller_id) : definition.whenAbsent;
    if (value === null || value === undefined) continue;
    byCategory.set(category, [...(byCategory.get(category) ?? []), Number(value)]);
  }
  return byCategory;
}

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

export function createBaselineCache(
  warehouse: Database,
  app: Database,
  asOf: string,
): BaselineCache {
  const pending = new Map<string, Promise<void>>();

  /** Computes and stores every category's baseline of one indicator, once per process. */
  const ensure = (definition: IndicatorDefinition): Promise<void> => {
    let job = pending.get(definition.id);
    if (!job) {
      job = (async () => {
        const byCategory = await computeAll(warehouse, definition, asOf);
        for (const [category, values] of byCategory) {
          values.sort((a, b) => a - b);
          await app.query(
            `INSERT INTO casehound.indicator_baselines (indicator, scope, as_of, sellers, quantiles)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
            [definition.id, `category:${category}`, asOf, values.length, percentiles(values)],
          );
        }
      })();
      pending.set(definition.id, job);
    }
    return job;
  };

  const lookup = (definition: IndicatorDefinition, scope: string) =>
    app.query<{ sellers: number; quantiles: number[] }>(
      "SELECT sellers, quantiles FROM casehound.indicator_baselines WHERE indicator = $1 AND scope = $2 AND as_of = $3",
      [definition.id, scope, asOf],
    );

  /** A baseline never changes for its as-of instant: each (indicator, scope) is looked up once. */
  const resolved = new Map<string, Promise<{ sellers: number; quantiles: number[] } | null>>();
  const resolve = async (definition: IndicatorDefinition, scope: string) => {
    let found = await lookup(definition, scope);
    if (!found.rows[0]) {
      const known = await app.query(
        "SELECT 1 FROM casehound.indicator_baselines WHERE indicator = $1 AND as_of = $2 LIMIT 1",
        [definition.id, asOf],
      );
      if (known.rows.length === 0) {
        await ensure(definition);
        found = await lookup(definition, scope);
      }
    }
    return found.rows[0] ?? null;
  };

  return {
    async compare(definition, category, value) {
      const scope = `category:${category}`;
      const key = `${definition.id}|${scope}`;
      let pendingRow = resolved.get(key);
      if (!pendingRow) {
        pendingRow = resolve(definition, scope);
        resolved.set(key, pendingRow);
        pendingRow.catch(() => resolved.delete(key)); // a failed lookup is retried next time
      }
      const row = await pendingRow;
      if (!row) return { baseline: null, percentile: null };
      const q = row.quantiles.map(Number);
      return {
        baseline: {
          scope,
          sellers: row.sellers,
          p50: q[50] as number,
          p90: q[90] as number,
          p99: q[99] as number,
        },
        percentile: value === null ? null : percentileRank(q, value),
      };
    },
  };
}
