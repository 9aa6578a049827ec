import { describe, expect, it } from "vitest";
import {
  FAR_SPREADS,
  farValue,
  featuresAt,
  gateOpening,
  tailValue,
} from "../../../agents/reasoning/features.js";
import { MODELS, type Term } from "../../../agents/reasoning/model.js";
import type { Baseline } from "../../../domain/indicator.js";

const baseline = (p50: number, p90: number, p99: number): Baseline => ({
  scope: "category:beauty",
  sellers: 120,
  p50,
  p90,
  p99,
});

const term = (indicator: string): Term => {
  const found = MODELS.flatMap((m) => m.terms).find((t) => t.indicator === indicator);
  if (!found) throw new Error(indicator);
  return found;
};

describe("an indicator's standing among its category's sellers", () => {
  it("is nothing at or below the category's p90, everything at or beyond its p99, graded between", () => {
    const b = baseline(0.05, 0.1, 0.2);
    expect(tailValue(b, 0.1)).toBe(0);
    expect(tailValue(b, 0.15)).toBeCloseTo(0.5);
    expect(tailValue(b, 0.2)).toBe(1);
    expect(tailValue(b, 0.9)).toBe(1);
  });

  it("marks any value above an all-zero category as in its tail", () => {
    const zeros = baseline(0, 0, 0);
    expect(tailValue(zeros, 0)).toBe(0);
    expect(tailValue(zeros, 1)).toBe(1);
  });

  it("measures how far beyond p99 in category spreads, floored by what the unit can mean", () => {
    const b = baseline(0.1, 0.2, 0.3); // spread 0.2
    expect(farValue(b, 0.3, "share")).toBe(0);
    expect(farValue(b, 0.3 + 0.2 * 2, "share")).toBeCloseTo(2 / FAR_SPREADS);
    expect(farValue(b, 5, "share")).toBe(1);
    // All-zero counts: the floor of one event per spread keeps one buyer from counting as "far".
    expect(farValue(baseline(0, 0, 0), 1, "count")).toBeCloseTo(1 / FAR_SPREADS);
  });

  it("transfers: the same standing gives the same peer features whatever the marketplace's scale", () => {
    const t = term("brushing.buyer_address_sharing");
    const here = featuresAt(
      t,
      0.34,
      { unit: "share", baseline: baseline(0.05, 0.1, 0.19) },
      undefined,
    );
    const there = featuresAt(
      t,
      0.68,
      { unit: "share", baseline: baseline(0.1, 0.2, 0.38) },
      undefined,
    );
    expect(here.tail).toBe(there.tail);
    expect(here.far).toBeCloseTo(there.far, 10);
    expect(here.far).toBeGreaterThan(0);
    expect(here.level).toBeLessThan(there.level); // the level still reads the raw value
  });
});

describe("a term's gate", () => {
  const gated = term("incentive_abuse.fresh_promo_undo_rate"); // min 10 redemptions

  it("opens gradually between half the minimum and the minimum", () => {
    expect(gateOpening(gated, 4)).toBe(0);
    expect(gateOpening(gated, 5)).toBe(0);
    expect(gateOpening(gated, 7.5)).toBeCloseTo(0.5);
    expect(gateOpening(gated, 10)).toBe(1);
    expect(gateOpening(gated, null)).toBe(0);
  });

  it("scales every feature by its opening, and none without a value", () => {
    const reading = { unit: "share" as const, baseline: baseline(0, 0.1, 0.3) };
    const half = featuresAt(gated, 0.8, reading, 7.5);
    const full = featuresAt(gated, 0.8, reading, 12);
    expect(half.level).toBeCloseTo(full.level / 2);
    expect(half.tail).toBeCloseTo(full.tail / 2);
    expect(featuresAt(gated, null, reading, 12)).toEqual({ level: 0, tail: 0, far: 0 });
  });
});
