// What an indicator is: a named, parameterised, read-only query over the `risk`
// warehouse. `valueSql` is set-based — one row (seller_id, value) per seller in $1
// (a text[] of seller ids, or NULL for every seller) as of $2 — so the same query
// reads one case and computes the category baselines. `sampleSql` returns the rows
// behind a value for one seller ($1 text, $2 as_of), shown as evidence.
import type { z } from "zod";
import type { IndicatorReading, IndicatorTopic } from "../../domain/indicator.js";

export interface IndicatorDefinition {
  id: string;
  title: string;
  topics: z.infer<typeof IndicatorTopic>[];
  unit: IndicatorReading["unit"];
  /** What it measures and why an analyst cares. */
  description: string;
  valueSql: string;
  sampleSql?: string;
  /** The sample holds seller- or buyer-written text (reviews, titles): untrusted evidence. */
  sampleUntrusted?: boolean;
  /** Value for a seller the query returns no row for (no activity): 0 for counts, null for shares. */
  whenAbsent: number | null;
}

/** The sellers a set-based indicator covers: $1 (text[]) or all when $1 is NULL. */
export const SELLERS = `SELECT seller_id, registered_at, category, payout_account_id FROM risk.sellers
  WHERE $1::text[] IS NULL OR seller_id = ANY($1::text[])`;

export function defineIndicator(definition: IndicatorDefinition): IndicatorDefinition {
  return definition;
}

/**
 * How much a buyer linked through a shared attribute (an IP, a device, an address)
 * counts, from how many buyers anywhere use that attribute: fully up to
 * HUB_DEGREE of them, then HUB_DEGREE / degree. A hub (carrier NAT, campus,
 * forwarding warehouse) can so add at most HUB_DEGREE buyers' worth in all, however
 * many it carries: rarity decides, never a list of known hubs.
 */
export const HUB_DEGREE = 8;
export const HUB_WEIGHT = (degree: string) =>
  `least(1.0, ${HUB_DEGREE}.0 / greatest(${degree}, 1))::float8`;
