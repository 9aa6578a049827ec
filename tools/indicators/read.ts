// Reads one indicator for one seller: its value, the category baseline, and, when
// the value stands out, a bounded sample of the rows behind it — returned as an
// indicator reading and the evidence that records exactly how it was obtained.
import type { Queryable } from "../../db/types.js";
import { canonicalJson, hashOf } from "../../domain/canonical-json.js";
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { BaselineCache, Comparison } from "./baselines.js";
import type { IndicatorDefinition } from "./definition.js";

export const SAMPLE_ROWS = 10;

/** One query as it ran: enough for the audit trail to say exactly what was asked and what came back. */
export interface SqlCall {
  sql: string;
  params: unknown[];
  rowCount: number;
  resultHash: string;
}

export interface ReadResult {
  reading: IndicatorReading;
  evidence: Evidence;
  queries: number;
  rows: number;
  calls: SqlCall[];
}

export interface ReadContext {
  warehouse: Queryable;
  baselines: BaselineCache;
  asOf: string;
  /** The instant the reading is recorded as retrieved. */
  now: () => string;
}

function format(value: number | null, unit: IndicatorReading["unit"]): string {
  if (value === null) return "n/a";
  if (unit === "share") return `${(value * 100).toFixed(1)}%`;
  if (unit === "count" || unit === "flag") return String(Math.round(value));
  return value.toFixed(2);
}

/** A value worth showing the rows behind: above the category's 90th percentile and non-zero. */
function standsOut(value: number | null, comparison: Comparison): boolean {
  if (value === null || value === 0) return false;
  return comparison.baseline === null || value > comparison.baseline.p90;
}

export async function readIndicator(
  ctx: ReadContext,
  definition: IndicatorDefinition,
  seller: { id: string; category: string },
): Promise<ReadResult> {
  const params = [[seller.id], ctx.asOf];
  const result = await ctx.warehouse.query<{ value: number | null }>(definition.valueSql, params);
  const calls: SqlCall[] = [
    {
      sql: definition.valueSql,
      params,
      rowCount: result.rows.length,
      resultHash: hashOf(result.rows),
    },
  ];
  const raw = result.rows[0]?.value;
  const value = raw === undefined ? definition.whenAbsent : raw === null ? null : Number(raw);
  const comparison = await ctx.baselines.compare(definition, seller.category, value);
  let queries = 1;
  let rows = result.rows.length;
  let sample: unknown[] = [];
  if (definition.sampleSql && standsOut(value, comparison)) {
    // Not every sample depends on the as-of instant (current payout accounts do not).
    const sampleParams = definition.sampleSql.includes("$2") ? [seller.id, ctx.asOf] : [seller.id];
    const sampled = await ctx.warehouse.query(definition.sampleSql, sampleParams);
    sample = JSON.parse(canonicalJson(sampled.rows.slice(0, SAMPLE_ROWS))) as unknown[];
    calls.push({
      sql: definition.sampleSql,
      params: sampleParams,
      rowCount: sampled.rows.length,
      resultHash: hashOf(sampled.rows),
    });
    queries++;
    rows += sampled.rows.length;
  }
  const b = comparison.baseline;
  const versus = b
    ? ` (${b.scope}: p50 ${format(b.p50, definition.unit)}, p90 ${format(b.p90, definition.unit)}, p99 ${format(b.p99, definition.unit)} over ${b.sellers} sellers)`
    : "";
  const evidence = makeEvidence(
    {
      kind: "indicator",
      source: { locator: definition.valueSql, params, via: definition.id },
      summary: `${definition.title}: ${format(value, definition.unit)}${versus}`,
      data: {
        indicator: definition.id,
        value,
        unit: definition.unit,
        baseline: b,
        percentile: comparison.percentile,
        sample,
      },
      untrusted: sample.length > 0 && definition.sampleUntrusted === true,
    },
    ctx.now(),
  );
  const reading: IndicatorReading = {
    indicator: definition.id,
    title: definition.title,
    topics: definition.topics,
    unit: definition.unit,
    value,
    baseline: b,
    percentile: comparison.percentile,
    evidence_id: evidence.id,
  };
  return { reading, evidence, queries, rows, calls };
}
