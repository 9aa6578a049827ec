import { describe, expect, it } from "vitest";
import { judge } from "../../../agents/reasoning/offline.js";
import { MIN_PEERS, outlierAlarm } from "../../../agents/reasoning/outliers.js";
import { scoreTypologies } from "../../../agents/reasoning/score.js";
import { priorWeights } from "../../../agents/reasoning/weights.js";
import { reflectOffline } from "../../../agents/reflection/offline.js";
import type { IndicatorReading } from "../../../domain/indicator.js";

const PRIOR = priorWeights();

function reading(
  indicator: string,
  value: number,
  p: { p50: number; p90: number; p99: number; sellers?: number },
  unit: IndicatorReading["unit"] = "share",
): IndicatorReading {
  return {
    indicator,
    title: indicator.replace(/^.*\./, "").replaceAll("_", " "),
    topics: ["brushing"],
    unit,
    value,
    baseline: { scope: "category:beauty", sellers: p.sellers ?? 150, ...p },
    percentile: 0.995,
    evidence_id: `ev_${indicator}`,
  };
}

/** A brushing seller on a marketplace whose scales the prior was not set on: modest values, p99+ among peers. */
const QUIET_BRUSHING = [
  reading("brushing.fresh_single_seller_buyers", 0.3, { p50: 0.05, p90: 0.12, p99: 0.2 }),
  reading("brushing.buyer_address_sharing", 0.22, { p50: 0.03, p90: 0.09, p99: 0.15 }),
  reading("brushing.buyer_device_sharing", 0.02, { p50: 0, p90: 0.03, p99: 0.06 }),
];

describe("the outlier guard", () => {
  it("keeps a seller with two indicators beyond their category's p99 from a confident not_fraud", () => {
    const scores = scoreTypologies(QUIET_BRUSHING, PRIOR);
    expect(scores.find((s) => s.typology === "brushing")?.probability).toBeLessThan(0.5);
    const j = judge(scores, QUIET_BRUSHING);
    expect(j.decision).toBe("suspicious");
    expect(j.topTypology).toBe("brushing");
    expect(j.action).toBe("monitor");
    expect(new Set(j.outlierGuard?.indicators)).toEqual(
      new Set(["brushing.fresh_single_seller_buyers", "brushing.buyer_address_sharing"]),
    );
    for (const f of j.findings) {
      expect(f.evidence_ids[0]).toMatch(/^ev_brushing\./);
      expect(f.claim).toMatch(/beyond the 99th percentile of category:beauty/);
    }
    const { reflection } = reflectOffline({
      judgement: j,
      assessments: scores,
      evidence: [],
      readings: QUIET_BRUSHING,
    });
    expect(reflection.passed).toBe(false);
    expect(reflection.issues.join("\n")).toMatch(/brushing is not cleared/);
  });

  it("trips on one indicator far beyond p99", () => {
    const far = [reading("brushing.buyer_device_sharing", 0.9, { p50: 0, p90: 0.02, p99: 0.05 })];
    expect(outlierAlarm(far)?.outliers[0]?.farBeyond).toBe(true);
  });

  it("stays quiet for one indicator just past p99, in tiny categories, and when counter-evidence explains", () => {
    expect(outlierAlarm(QUIET_BRUSHING.slice(0, 1))).toBeNull();
    const tiny = QUIET_BRUSHING.map((r) =>
      r.baseline ? { ...r, baseline: { ...r.baseline, sellers: MIN_PEERS - 1 } } : r,
    );
    expect(outlierAlarm(tiny)).toBeNull();
    const bombed = [
      ...QUIET_BRUSHING,
      reading("context.unverified_one_star_burst", 40, { p50: 0, p90: 1, p99: 3 }, "count"),
    ];
    expect(judge(scoreTypologies(bombed, PRIOR), bombed).decision).toBe("not_fraud");
  });
});
