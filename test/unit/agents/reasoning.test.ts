import { describe, expect, it } from "vitest";
import { levelValue } from "../../../agents/reasoning/features.js";
import { MODELS } from "../../../agents/reasoning/model.js";
import { independentStrongSignals, judge } from "../../../agents/reasoning/offline.js";
import { scoreTypologies, sigmoid } from "../../../agents/reasoning/score.js";
import { priorWeights } from "../../../agents/reasoning/weights.js";
import type { IndicatorReading } from "../../../domain/indicator.js";

function reading(
  indicator: string,
  value: number | null,
  unit: IndicatorReading["unit"] = "share",
): IndicatorReading {
  return {
    indicator,
    title: indicator,
    topics: ["context"],
    unit,
    value,
    baseline: null,
    percentile: null,
    evidence_id: `ev_${indicator.length.toString(16).padStart(16, "0")}`,
  };
}

const PRIOR = priorWeights();

const BRUSHING = [
  reading("brushing.buyer_device_sharing", 0.6),
  reading("brushing.buyer_address_sharing", 0.55),
  reading("brushing.fresh_single_seller_buyers", 0.6),
  reading("brushing.templated_reviews", 0.8),
  reading("brushing.fast_reviews", 0.9),
  reading("incentive_abuse.fresh_promo_redemptions", 0, "count"),
  reading("context.established_buyer_share", 0.3),
];

describe("the additive log-odds model", () => {
  it("explains every score exactly: bias plus contributions equals the log-odds", () => {
    for (const a of scoreTypologies(BRUSHING, PRIOR)) {
      const sum = a.bias + a.contributions.reduce((s, c) => s + c.log_odds, 0);
      expect(a.log_odds).toBeCloseTo(sum, 5);
      expect(a.probability).toBeCloseTo(sigmoid(a.log_odds), 10);
    }
  });

  it("scores a brushing pattern as brushing, far above every other typology", () => {
    const scores = scoreTypologies(BRUSHING, PRIOR);
    const brushing = scores.find((s) => s.typology === "brushing");
    expect(brushing?.probability).toBeGreaterThan(0.99);
    for (const s of scores.filter((x) => x.typology !== "brushing"))
      expect(s.probability).toBeLessThan(0.1);
  });

  it("lets promotion redemptions explain fresh accounts away from brushing", () => {
    const withPromo = BRUSHING.map((r) =>
      r.indicator === "incentive_abuse.fresh_promo_redemptions" ? { ...r, value: 40 } : r,
    );
    const before =
      scoreTypologies(BRUSHING, PRIOR).find((s) => s.typology === "brushing")?.log_odds ?? 0;
    const after =
      scoreTypologies(withPromo, PRIOR).find((s) => s.typology === "brushing")?.log_odds ?? 0;
    expect(before - after).toBeCloseTo(5, 5);
  });

  it("ignores a gated rate until enough events stand behind it", () => {
    const few = [
      reading("incentive_abuse.fresh_promo_redemptions", 3, "count"),
      reading("incentive_abuse.fresh_promo_undo_rate", 1),
    ];
    const undo = scoreTypologies(few, PRIOR)
      .find((s) => s.typology === "incentive_abuse")
      ?.contributions.find((c) => c.indicator === "incentive_abuse.fresh_promo_undo_rate");
    expect(undo?.log_odds).toBe(0);
  });

  it("skips indicators with no value instead of treating them as zero evidence", () => {
    const scores = scoreTypologies([reading("brushing.buyer_device_sharing", null)], PRIOR);
    expect(scores.find((s) => s.typology === "brushing")?.contributions).toEqual([]);
  });

  it("maps values to features within [0, 1]", () => {
    expect(levelValue({ kind: "share" }, 1.7)).toBe(1);
    expect(levelValue({ kind: "saturating", scale: 4 }, 2)).toBe(0.5);
    expect(levelValue({ kind: "band", from: 0.2, to: 0.6 }, 0.4)).toBeCloseTo(0.5);
    expect(levelValue({ kind: "below", below: 0.01 }, 0.04)).toBe(0);
    expect(levelValue({ kind: "below", below: 0.01 }, 0.02)).toBeCloseTo(0.5); // graded past the mark
  });

  it("has a model for every typology, each with at least three signals", () => {
    expect(MODELS.map((m) => m.typology).sort()).toEqual([
      "account_takeover",
      "brushing",
      "click_farm",
      "collusion",
      "incentive_abuse",
    ]);
    for (const m of MODELS)
      expect(m.terms.filter((t) => t.weight > 0).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the offline judgement", () => {
  it("decides fraud with a ban when two independent strong signals support it", () => {
    const j = judge(scoreTypologies(BRUSHING, PRIOR), BRUSHING);
    expect(j.decision).toBe("fraud");
    expect(j.topTypology).toBe("brushing");
    expect(j.action).toBe("ban");
    expect(independentStrongSignals(j.findings, "brushing")).toBeGreaterThanOrEqual(2);
    for (const f of j.findings) expect(f.evidence_ids.length).toBeGreaterThan(0);
  });

  it("restricts rather than bans when only one family of evidence is strong", () => {
    const oneStrong = [
      reading("brushing.buyer_device_sharing", 1),
      reading("brushing.buyer_address_sharing", 0.5),
      reading("brushing.fresh_single_seller_buyers", 0.25),
    ];
    const j = judge(scoreTypologies(oneStrong, PRIOR), oneStrong);
    expect(j.decision).toBe("fraud");
    expect(independentStrongSignals(j.findings, "brushing")).toBe(1);
    expect(j.action).toBe("restrict");
  });

  it("monitors a suspicious pattern", () => {
    const weak = [
      reading("brushing.buyer_device_sharing", 0.5),
      reading("brushing.fresh_single_seller_buyers", 0.4),
    ];
    const j = judge(scoreTypologies(weak, PRIOR), weak);
    expect(j.decision).toBe("suspicious");
    expect(j.action).toBe("monitor");
  });

  it("says not_fraud with no findings when nothing stands out, and names counter-evidence", () => {
    const calm = [
      reading("brushing.buyer_device_sharing", 0),
      reading("context.unverified_one_star_burst", 40, "count"),
    ];
    const j = judge(scoreTypologies(calm, PRIOR), calm);
    expect(j.decision).toBe("not_fraud");
    expect(j.action).toBe("no_action");
    expect(j.findings).toEqual([]);
    expect(j.counter.map((c) => c.basis)).toContain("context.unverified_one_star_burst");
  });
});
