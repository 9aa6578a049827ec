// Absence of evidence: when readings of empty windows may not clear a seller.
import { describe, expect, it } from "vitest";
import { missingIndicators, thinEvidence } from "../../../agents/reasoning/coverage.js";
import type { IndicatorReading } from "../../../domain/indicator.js";

function reading(indicator: string, value: number | null): IndicatorReading {
  return {
    indicator,
    title: indicator,
    topics: ["context"],
    unit: "share",
    value,
    baseline: null,
    percentile: null,
    evidence_id: "ev_0000000000000001",
  };
}

const AS_OF = "2026-01-01T00:00:00.000Z";
const ACTIVE = [
  reading("context.buyer_diversity", 0.9),
  reading("context.established_buyer_share", 0.8),
  reading("context.volume_trend", 1.1),
  reading("brushing.buyer_device_sharing", 0.02),
  reading("brushing.buyer_address_sharing", 0.01),
  reading("brushing.templated_reviews", null),
];

describe("thin evidence", () => {
  it("a seller with orders in the window and most indicators read may be cleared", () => {
    expect(thinEvidence(ACTIVE, AS_OF)).toBeNull();
  });

  it("a seller with no orders in the 90-day window may not be cleared, and the reason says so", () => {
    const empty = ACTIVE.map((r) => reading(r.indicator, null));
    const reason = thinEvidence(empty, AS_OF);
    expect(reason).toContain(`no orders in the 90 days before ${AS_OF}`);
    expect(reason).toContain("4 of 4 indicators");
  });

  it("more than half of the models' indicators without a value is too little to clear", () => {
    const readings = [
      reading("context.buyer_diversity", 0.9),
      reading("brushing.buyer_device_sharing", null),
      reading("brushing.buyer_address_sharing", null),
      reading("click_farm.emulator_share", 0),
    ];
    expect(missingIndicators(readings)).toEqual({
      missing: ["brushing.buyer_device_sharing", "brushing.buyer_address_sharing"],
      read: 3,
    });
    expect(thinEvidence(readings, AS_OF)).toContain("2 of 3 indicators had no activity");
  });

  it("readings that were never taken do not count as missing (nothing was asked)", () => {
    expect(thinEvidence([reading("brushing.buyer_device_sharing", 0.1)], AS_OF)).toBeNull();
    expect(thinEvidence([], AS_OF)).toBeNull();
  });
});
