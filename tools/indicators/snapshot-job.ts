// The set-based job behind a baseline snapshot: every catalogued indicator's value
// for every seller as of one instant (each indicator's own query, run once over the
// whole warehouse), grouped by the sellers' category and summarised as percentiles.
import type { BaselineRow } from "../../db/repositories/baseline-snapshots.js";
import type { Database } from "../../db/types.js";
import { hashOf } from "../../domain/canonical-json.js";
import { AppError } from "../../domain/errors.js";
import { INDICATORS } from "./catalog/index.js";
import type { IndicatorDefinition } from "./definition.js";
import { percentiles } from "./percentiles.js";

/**
 * What the catalogue's baselines depend on (ids, queries, absent values): a snapshot
 * computed with another catalogue is never compared against.
 */
export const CATALOG_FINGERPRINT = hashOf(
  INDICATORS.map((i) => ({ id: i.id, sql: i.valueSql, absent: i.whenAbsent })),
).slice(0, 16);

export interface ComputedBaselines {
  baselines: BaselineRow[];
  /** Sellers in the warehouse when the job ran. */
  sellers: number;
  indicators: number;
}

async function indicatorBaselines(
  warehouse: Database,
  definition: IndicatorDefinition,
  categories: Map<string, string>,
  asOf: string,
): Promise<BaselineRow[]> {
  const { rows } = await warehouse.query<{ seller_id: string; value: number | null }>(
    definition.valueSql,
    [null, asOf],
  );
  const byId = new Map(rows.map((r) => [r.seller_id, r.value]));
  const byCategory = new Map<string, number[]>();
  for (const [sellerId, category] of categories) {
    const value = byId.has(sellerId) ? byId.get(sellerId) : definition.whenAbsent;
    if (value === null || value === undefined) continue;
    const values = byCategory.get(category);
    if (values) values.push(Number(value));
    else byCategory.set(category, [Number(value)]);
  }
  return [...byCategory].map(([category, values]) => {
    values.sort((a, b) => a - b);
    return {
      indicator: definition.id,
      scope: `category:${category}`,
      sellers: values.length,
      quantiles: percentiles(values),
    };
  });
}

/**
 * Every indicator's category baselines as of `asOf`. Server PostgreSQL runs a few
 * indicators' queries at once (the pool has connections to spare); the embedded
 * engine has one connection, so one after another.
 */
export async function computeBaselines(
  warehouse: Database,
  asOf: string,
  definitions: readonly IndicatorDefinition[] = INDICATORS,
): Promise<ComputedBaselines> {
  const sellers = await warehouse.query<{ seller_id: string; category: string }>(
    "SELECT seller_id, category FROM risk.sellers",
  );
  const categories = new Map(sellers.rows.map((r) => [r.seller_id, r.category]));
  if (categories.size === 0)
    throw new AppError(
      "unavailable",
      `${warehouse.location}: the warehouse holds no sellers, so there are no baselines to compute`,
    );
  const parallel = warehouse.engine === "postgres" ? 3 : 1;
  const results: BaselineRow[][] = new Array(definitions.length);
  let next = 0;
  const lane = async () => {
    while (next < definitions.length) {
      const i = next++;
      results[i] = await indicatorBaselines(
        warehouse,
        definitions[i] as IndicatorDefinition,
        categories,
        asOf,
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { baselines: results.flat(), sellers: categories.size, indicators: definitions.length };
}
