// The set-based job behind a baseline snapshot: every catalogued indicator's value
// for every seller as of one instant (each indicator's own query, run once over the
// whole warehouse), grouped by the sellers' category and summarised as percentiles.
// Each seller's values are kept too: they become its profile (db/repositories/seller-profiles.ts).
import type { BaselineRow } from "../../db/repositories/baseline-snapshots.js";
import type { SellerValues } from "../../db/repositories/seller-profiles.js";
import type { Database } from "../../db/types.js";
import { hashOf } from "../../domain/canonical-json.js";
import { AppError } from "../../domain/errors.js";
import { readDegreeProfile } from "../links/degree-profile.js";
import type { DegreeProfile } from "../links/types.js";
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
  /** Every seller's value of each indicator, in the order of the definitions. */
  values: SellerValues[];
  /** The warehouse's degree profile at the same instant, which link analysis judges hubs by. */
  degreeProfile: DegreeProfile;
}

interface IndicatorResult {
  baselines: BaselineRow[];
  /** The value each seller got (whenAbsent when the query returned no row). */
  bySeller: Map<string, number | null>;
}

async function indicatorBaselines(
  warehouse: Database,
  definition: IndicatorDefinition,
  categories: Map<string, string>,
  asOf: string,
): Promise<IndicatorResult> {
  const { rows } = await warehouse.query<{ seller_id: string; value: number | null }>(
    definition.valueSql,
    [null, asOf],
  );
  const byId = new Map(rows.map((r) => [r.seller_id, r.value]));
  const byCategory = new Map<string, number[]>();
  const bySeller = new Map<string, number | null>();
  for (const [sellerId, category] of categories) {
    const value = byId.has(sellerId) ? byId.get(sellerId) : definition.whenAbsent;
    bySeller.set(sellerId, value === null || value === undefined ? null : Number(value));
    if (value === null || value === undefined) continue;
    const values = byCategory.get(category);
    if (values) values.push(Number(value));
    else byCategory.set(category, [Number(value)]);
  }
  const baselines = [...byCategory].map(([category, values]) => {
    values.sort((a, b) => a - b);
    return {
      indicator: definition.id,
      scope: `category:${category}`,
      sellers: values.length,
      quantiles: percentiles(values),
    };
  });
  return { baselines, bySeller };
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
  const results: IndicatorResult[] = new Array(definitions.length);
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
  const degreeProfile = await readDegreeProfile(warehouse, asOf);
  const values = [...categories].map(([sellerId, category]) => ({
    sellerId,
    category,
    values: results.map((r) => r.bySeller.get(sellerId) ?? null),
  }));
  return {
    baselines: results.flatMap((r) => r.baselines),
    sellers: categories.size,
    indicators: definitions.length,
    values,
    degreeProfile,
  };
}
