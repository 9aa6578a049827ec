// The outlier guard. A seller with several indicators of one typology beyond their
// category's 99th percentile (or one far beyond it) is not something to clear
// without a person looking, whatever the weights say: weights fitted on one
// marketplace can be too timid on another, and a confident miss on three p99
// anomalies is the worst kind of error. Counter-evidence that explains the
// anomalies (a campaign against the seller, genuine demand) lifts the guard.
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Typology } from "../../domain/typology.js";
import { farValue, spreadOf } from "./features.js";
import { MODELS } from "./model.js";

/** Fewer comparable sellers than this and the 99th percentile is just the largest value seen. */
export const MIN_PEERS = 20;
/** This many indicators of one typology beyond p99 trip the guard (or one at the far saturation). */
export const OUTLIERS_TO_TRIP = 2;
/**
 * How far past p99 a value must be to count, in the category's spreads (p50 to p99,
 * floored by what the unit can mean): 0.5% past a 0.4% p99 is noise, not an anomaly.
 * Counts must also pass p99 by at least one whole event.
 */
export const MATERIAL_SPREADS = 0.5;

export interface Outlier {
  indicator: string;
  value: number;
  p99: number;
  scope: string;
  evidence_id: string;
  /** At or past the far feature's saturation (four category spreads beyond p99). */
  farBeyond: boolean;
}

export interface OutlierAlarm {
  typology: Typology;
  outliers: Outlier[];
}

/** Readings of a typology's positive terms standing beyond their category's p99. */
export function outliersOf(
  typology: Typology,
  readings: ReadonlyMap<string, IndicatorReading>,
): Outlier[] {
  const model = MODELS.find((m) => m.typology === typology);
  const out: Outlier[] = [];
  for (const term of model?.terms ?? []) {
    if (term.weight <= 0) continue;
    const r = readings.get(term.indicator);
    const b = r?.baseline;
    if (!r || r.value === null || !b || b.sellers < MIN_PEERS) continue;
    const past = r.value - b.p99;
    const whole = r.unit !== "count" && r.unit !== "flag" ? true : past >= 1;
    if (r.value > 0 && whole && past >= MATERIAL_SPREADS * spreadOf(b, r.unit))
      out.push({
        indicator: r.indicator,
        value: r.value,
        p99: b.p99,
        scope: b.scope,
        evidence_id: r.evidence_id,
        farBeyond: farValue(b, r.value, r.unit) >= 1,
      });
  }
  return out;
}

/** The typology whose outliers trip the guard (the one with most), or null. */
export function outlierAlarm(readings: readonly IndicatorReading[]): OutlierAlarm | null {
  const byId = new Map(readings.map((r) => [r.indicator, r]));
  let worst: OutlierAlarm | null = null;
  for (const model of MODELS) {
    const outliers = outliersOf(model.typology, byId);
    const trips = outliers.length >= OUTLIERS_TO_TRIP || outliers.some((o) => o.farBeyond);
    if (trips && (!worst || outliers.length > worst.outliers.length))
      worst = { typology: model.typology, outliers };
  }
  return worst;
}
