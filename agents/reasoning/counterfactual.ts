// Counterfactuals: the smallest change of one of the seller's indicators that would
// have moved the decision to its neighbour (fraud ↔ suspicious ↔ not_fraud). The
// offline reasoner is pure and additive, so each is found exactly: for each
// indicator, the value nearest the seller's own at which the decision (bands and
// outlier guard, offline.ts `decide`) becomes the neighbour, to the precision of a
// bisection; the change is measured in the category's spreads (p50 to p99), so
// "smallest" means smallest among comparable sellers, not in raw units.
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Counterfactual, Decision } from "../../domain/verdict.js";
import type { ModelWeights } from "../../domain/weights.js";
import { meaningfulDifference, spreadOf } from "./features.js";
import { MODELS } from "./model.js";
import { decide } from "./offline.js";
import { scoreTypologies } from "./score.js";

const NEIGHBOURS: Record<"fraud" | "suspicious" | "not_fraud", Decision[]> = {
  fraud: ["suspicious"],
  suspicious: ["fraud", "not_fraud"],
  not_fraud: ["suspicious"],
};

const GRID = 24;
const BISECTIONS = 24;

/** The decision the offline reasoner reaches over these readings. */
export function offlineDecision(
  readings: readonly IndicatorReading[],
  weights: ModelWeights,
): Decision {
  return decide(scoreTypologies(readings, weights), readings).decision;
}

function withValue(
  readings: readonly IndicatorReading[],
  indicator: string,
  value: number,
): IndicatorReading[] {
  return readings.map((r) => (r.indicator === indicator ? { ...r, value } : r));
}

/** The category's spread (features.ts); without a baseline, the value's own size, floored the same way. */
function spreadOfReading(r: IndicatorReading): number {
  return r.baseline
    ? spreadOf(r.baseline, r.unit)
    : Math.max(Math.abs(r.value ?? 0), meaningfulDifference(r.unit));
}

function upperBound(r: IndicatorReading): number {
  if (r.unit === "share") return 1;
  const b = r.baseline;
  const v = r.value ?? 0;
  return Math.max(2 * v, b ? b.p99 + 8 * spreadOfReading(r) : 0, v + 10);
}

/** The value nearest `from` reaching `target`, by a grid then bisection; null if none in range. */
function nearestFlip(
  readings: readonly IndicatorReading[],
  reading: IndicatorReading,
  weights: ModelWeights,
  target: Decision,
): number | null {
  const from = reading.value as number;
  const hi = upperBound(reading);
  const reaches = (v: number) =>
    offlineDecision(withValue(readings, reading.indicator, v), weights) === target;
  // Each typology's score is monotone in each of its indicators, so when neither end
  // of the range reaches the target no value between does. An indicator two typologies
  // read in opposite directions could reach it only in the middle; such a change is
  // not offered (every change offered is verified to reach its target).
  if (!reaches(0) && !reaches(hi)) return null;
  const grid = Array.from({ length: GRID + 1 }, (_, i) => (hi * i) / GRID).sort(
    (a, b) => Math.abs(a - from) - Math.abs(b - from),
  );
  const hit = grid.find(reaches);
  if (hit === undefined) return null;
  // Between the seller's own value (which does not reach the target) and the hit lies the boundary.
  let outside = from;
  let inside = hit;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (outside + inside) / 2;
    if (reaches(mid)) inside = mid;
    else outside = mid;
  }
  if (reading.unit === "count" || reading.unit === "flag") {
    const whole = inside > from ? Math.ceil(inside) : Math.floor(inside);
    return reaches(whole) ? whole : null;
  }
  const rounded = Number(inside.toPrecision(6));
  return reaches(rounded) ? rounded : inside;
}

function formatValue(value: number, unit: IndicatorReading["unit"]): string {
  if (unit === "share") return `${(value * 100).toFixed(1)}%`;
  if (unit === "count" || unit === "flag") return String(Math.round(value));
  return value.toFixed(2);
}

function statement(decision: Decision, r: IndicatorReading, to: number): string {
  const b = r.baseline;
  const peers = b
    ? `; ${b.scope}: p50 ${formatValue(b.p50, r.unit)}, p90 ${formatValue(b.p90, r.unit)}, p99 ${formatValue(b.p99, r.unit)}`
    : "";
  return `the verdict would have been ${decision} had ${r.title.toLowerCase()} been ${to > (r.value as number) ? "at least" : "at most"} ${formatValue(to, r.unit)} (it is ${formatValue(r.value as number, r.unit)}${peers})`;
}

/** For each neighbouring decision, the smallest single-indicator change that reaches it. */
export function counterfactuals(
  readings: readonly IndicatorReading[],
  weights: ModelWeights,
): Counterfactual[] {
  const now = offlineDecision(readings, weights);
  if (now === "insufficient_evidence") return [];
  const modelled = new Set(
    MODELS.flatMap((m) =>
      m.terms.flatMap((t) => [t.indicator, ...(t.gate ? [t.gate.indicator] : [])]),
    ),
  );
  const out: Counterfactual[] = [];
  for (const target of NEIGHBOURS[now]) {
    let best: (Counterfactual & { distance: number }) | null = null;
    for (const reading of readings) {
      if (!modelled.has(reading.indicator) || reading.value === null) continue;
      const to = nearestFlip(readings, reading, weights, target);
      if (to === null) continue;
      const distance = Math.abs(to - reading.value) / spreadOfReading(reading);
      if (!best || distance < best.distance)
        best = {
          to: target,
          indicator: reading.indicator,
          from_value: reading.value,
          to_value: to,
          spreads: Math.round(distance * 1000) / 1000,
          evidence_id: reading.evidence_id,
          statement: statement(target, reading, to),
          distance,
        };
    }
    if (best) {
      const { distance: _, ...counterfactual } = best;
      out.push(counterfactual);
    }
  }
  return out;
}
