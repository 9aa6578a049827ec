import { describe, expect, it } from "vitest";
import { counterfactuals, offlineDecision } from "../../../agents/reasoning/counterfactual.js";
import { priorWeights } from "../../../agents/reasoning/weights.js";
import type { IndicatorReading } from "../../../domain/indicator.js";

const PRIOR = priorWeights();

function reading(indicator: string, value: number, unit: IndicatorReading["unit"] = "share") {
  return {
    indicator,
    title: indicator.replace(/^.*\./, "").replaceAll("_", " "),
    topics: ["brushing" as const],
    unit,
    value,
    baseline: { scope: "category:beauty", sellers: 150, p50: 0.02, p90: 0.08, p99: 0.2 },
    percentile: 0.5,
    evidence_id: `ev_${indicator}`,
  } satisfies IndicatorReading;
}

const apply = (readings: IndicatorReading[], indicator: string, value: number) =>
  readings.map((r) => (r.indicator === indicator ? { ...r, value } : r));

const WORLDS: Record<string, IndicatorReading[]> = {
  fraud: [
    reading("brushing.buyer_device_sharing", 0.6),
    reading("brushing.buyer_address_sharing", 0.55),
    reading("brushing.fresh_single_seller_buyers", 0.6),
    reading("brushing.templated_reviews", 0.05),
  ],
  suspicious: [
    reading("brushing.buyer_device_sharing", 0.5),
    reading("brushing.fresh_single_seller_buyers", 0.4),
    reading("brushing.templated_reviews", 0.01),
  ],
  not_fraud: [
    reading("brushing.buyer_device_sharing", 0.05),
    reading("brushing.fresh_single_seller_buyers", 0.04),
    reading("collusion.undo_rate_120d", 0.03),
  ],
};

describe("counterfactuals", () => {
  for (const [decision, readings] of Object.entries(WORLDS)) {
    it(`from ${decision}: each moves the decision to its neighbour when applied, and no nearer value does`, () => {
      expect(offlineDecision(readings, PRIOR)).toBe(decision);
      const found = counterfactuals(readings, PRIOR);
      const expected = decision === "suspicious" ? ["fraud", "not_fraud"] : ["suspicious"];
      expect(found.map((c) => c.to).sort()).toEqual(expected.sort());
      for (const c of found) {
        expect(offlineDecision(apply(readings, c.indicator, c.to_value), PRIOR)).toBe(c.to);
        // Minimal for its indicator: a value part way there does not reach it.
        const partWay = c.from_value + (c.to_value - c.from_value) * 0.9;
        expect(offlineDecision(apply(readings, c.indicator, partWay), PRIOR)).not.toBe(c.to);
        expect(c.statement).toContain(`would have been ${c.to}`);
        expect(c.evidence_id).toBe(`ev_${c.indicator}`);
        expect(c.spreads).toBeGreaterThan(0);
      }
    });
  }

  it("picks the indicator that needs the smallest move among comparable sellers", () => {
    const found = counterfactuals(WORLDS.not_fraud as IndicatorReading[], PRIOR)[0];
    // Device sharing carries the heaviest brushing weight: it needs the smallest move.
    expect(found?.indicator).toBe("brushing.buyer_device_sharing");
  });
});
