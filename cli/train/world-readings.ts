// The indicator readings of a seeded world's labelled sellers, read the way an
// investigation reads them but set-based: each indicator's query runs once over
// every seller (as the category baselines are computed), and each labelled
// seller's reading takes its value, its category's baseline and its percentile from
// that one pass. Minutes of investigations become seconds, with the same numbers.
// The link readings come from each seller's neighbourhood, read as a case reads it.

import { analyseLinks } from "../../agents/link-analysis/offline.js";
import { linkTask } from "../../agents/planner/offline.js";
import { indicatorsFor } from "../../agents/reasoning/model.js";
import type { Database } from "../../db/types.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import { TYPOLOGIES } from "../../domain/typology.js";
import { percentileRank, percentiles } from "../../tools/indicators/baselines.js";
import { indicatorById } from "../../tools/indicators/catalog/index.js";
import type { IndicatorDefinition } from "../../tools/indicators/definition.js";
import { readDegreeProfile } from "../../tools/links/index.js";

/** Every indicator a typology model reads (its terms and their gates). */
export function modelledIndicators(): IndicatorDefinition[] {
  const ids = [...new Set(TYPOLOGIES.flatMap(indicatorsFor))];
  return ids.map((id) => {
    const definition = indicatorById(id);
    if (!definition) throw new Error(`the models read ${id}, which the catalogue lacks`);
    return definition;
  });
}

async function readOne(
  db: Database,
  definition: IndicatorDefinition,
  asOf: string,
  categoryOf: ReadonlyMap<string, string>,
  wanted: readonly string[],
): Promise<Map<string, IndicatorReading>> {
  const { rows } = await db.query<{ seller_id: string; value: number | null }>(
    definition.valueSql,
    [null, asOf],
  );
  const byId = new Map(rows.map((r) => [r.seller_id, r.value === null ? null : Number(r.value)]));
  const sellerValue = (sellerId: string) =>
    byId.has(sellerId) ? (byId.get(sellerId) ?? null) : definition.whenAbsent;
  const byCategory = new Map<string, number[]>();
  for (const [sellerId, category] of categoryOf) {
    const value = sellerValue(sellerId);
    if (value === null) continue;
    const list = byCategory.get(category) ?? [];
    list.push(value);
    byCategory.set(category, list);
  }
  const quantiles = new Map<string, { sellers: number; q: number[] }>();
  for (const [category, values] of byCategory) {
    values.sort((a, b) => a - b);
    quantiles.set(category, { sellers: values.length, q: percentiles(values) });
  }
  const out = new Map<string, IndicatorReading>();
  for (const sellerId of wanted) {
    const category = categoryOf.get(sellerId);
    if (category === undefined) continue;
    const value = sellerValue(sellerId);
    const base = quantiles.get(category);
    out.set(sellerId, {
      indicator: definition.id,
      title: definition.title,
      topics: definition.topics,
      unit: definition.unit,
      value,
      baseline: base
        ? {
            scope: `category:${category}`,
            sellers: base.sellers,
            p50: base.q[50] as number,
            p90: base.q[90] as number,
            p99: base.q[99] as number,
          }
        : null,
      percentile: base && value !== null ? percentileRank(base.q, value) : null,
      evidence_id: `ev_${definition.id}`,
    });
  }
  return out;
}

/**
 * The link readings (agents/link-analysis) of each wanted seller: its neighbourhood
 * read as an investigation's offline link analysis reads it (two hops), one seller
 * at a time — the graph is per seller — with the degree profile read once.
 */
async function linkReadingsOf(
  db: Database,
  sellerIds: readonly string[],
  asOf: string,
): Promise<Map<string, IndicatorReading[]>> {
  const profile = await readDegreeProfile(db, asOf);
  const tools = { warehouse: db, profile: async () => profile, now: () => asOf };
  const out = new Map<string, IndicatorReading[]>();
  for (const sellerId of sellerIds) {
    const found = await analyseLinks(tools, sellerId, asOf, linkTask().hops);
    out.set(sellerId, found.readings);
  }
  return out;
}

/** Each wanted seller's readings of every modelled indicator, as of `asOf`. */
export async function worldReadings(
  db: Database,
  sellerIds: readonly string[],
  asOf: string,
): Promise<Map<string, IndicatorReading[]>> {
  const { rows } = await db.query<{ seller_id: string; category: string }>(
    "SELECT seller_id, category FROM risk.sellers",
  );
  const categoryOf = new Map(rows.map((r) => [r.seller_id, r.category]));
  const readings = new Map<string, IndicatorReading[]>(sellerIds.map((id) => [id, []]));
  for (const definition of modelledIndicators()) {
    const read = await readOne(db, definition, asOf, categoryOf, sellerIds);
    for (const [sellerId, reading] of read) readings.get(sellerId)?.push(reading);
  }
  const known = sellerIds.filter((id) => categoryOf.has(id));
  for (const [sellerId, links] of await linkReadingsOf(db, known, asOf))
    readings.get(sellerId)?.push(...links);
  return readings;
}
