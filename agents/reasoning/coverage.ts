// Absence of evidence is not evidence of innocence. An indicator read over a window
// in which the seller did nothing has no value (a share of nothing) or a zero that
// only means "nothing happened"; the typology scores then fall back to their biases
// and would read as a confident not_fraud. This decides, from the readings alone (so
// stored runs replay without a new query), when the evidence is too thin to clear
// anyone. It never overrides a fraud or suspicious decision: positive signals read
// from the activity there is still stand.
import type { IndicatorReading } from "../../domain/indicator.js";
import { MODELS } from "./model.js";

/**
 * Shares over the seller's orders of the 90 days before the as-of: each reads null
 * exactly when the seller sold nothing in that window. All of them null (and at
 * least one read) means no orders to judge — the counts over the same orders
 * (buyers on the seller's devices, promotion redemptions, …) are zero by absence.
 */
export const ORDER_WINDOW_PROBES = [
  "context.buyer_diversity",
  "context.established_buyer_share",
  "context.volume_trend",
] as const;

/** More than this share of the models' indicators without a value: mostly missing. */
export const MOSTLY_MISSING = 0.5;

/** The indicators the typology models read that came back without a value. */
export function missingIndicators(readings: readonly IndicatorReading[]): {
  missing: string[];
  read: number;
} {
  const modelled = new Set(MODELS.flatMap((m) => m.terms.map((t) => t.indicator)));
  const relevant = readings.filter((r) => modelled.has(r.indicator));
  const missing = [...new Set(relevant.filter((r) => r.value === null).map((r) => r.indicator))];
  return { missing, read: new Set(relevant.map((r) => r.indicator)).size };
}

/** Why the evidence cannot support a not_fraud decision, or null when it can. */
export function thinEvidence(readings: readonly IndicatorReading[], asOf: string): string | null {
  const byId = new Map(readings.map((r) => [r.indicator, r]));
  const probes = ORDER_WINDOW_PROBES.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const { missing, read } = missingIndicators(readings);
  if (probes.length > 0 && probes.every((r) => r.value === null))
    return `the seller has no orders in the 90 days before ${asOf}: ${missing.length} of ${read} indicators read empty windows, and an empty window is no evidence of innocence`;
  if (read > 0 && missing.length / read > MOSTLY_MISSING)
    return `${missing.length} of ${read} indicators had no activity to measure before ${asOf} (${missing.join(", ")}): too little evidence to clear the seller`;
  return null;
}
