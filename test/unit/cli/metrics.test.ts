import { describe, expect, it } from "vitest";
import {
  evaluate,
  expectedCalibrationError,
  type Outcome,
  quantile,
} from "../../../cli/eval/metrics.js";

const o = (
  truth: Outcome["truth"],
  predicted: Outcome["predicted"],
  risk: number,
  ms = 10,
): Outcome => ({ truth, predicted, risk, ms });

describe("evaluation metrics", () => {
  it("counts the confusion matrix and per-typology precision, recall and F1", () => {
    const m = evaluate([
      o("brushing", "brushing", 0.99),
      o("brushing", "none", 0.3),
      o("none", "brushing", 0.7),
      o("none", "none", 0.02),
      o("collusion", "collusion", 0.95),
    ]);
    expect(m.confusion.brushing.brushing).toBe(1);
    expect(m.confusion.brushing.none).toBe(1);
    expect(m.confusion.none.brushing).toBe(1);
    expect(m.perTypology.brushing).toMatchObject({
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      support: 2,
    });
    expect(m.perTypology.collusion.f1).toBe(1);
    // typologies with no cases and no predictions count as perfect
    expect(m.macroF1).toBeCloseTo((0.5 + 1 + 1 + 1 + 1) / 5);
  });

  it("scores calibration: Brier and expected calibration error", () => {
    const perfect = [o("brushing", "brushing", 1), o("none", "none", 0)];
    expect(evaluate(perfect).brier).toBe(0);
    expect(expectedCalibrationError(perfect)).toBe(0);
    const overconfident = [o("none", "brushing", 0.95), o("none", "none", 0.95)];
    expect(evaluate(overconfident).brier).toBeCloseTo(0.9025);
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(0.95);
  });

  it("takes latency percentiles by the nearest rank", () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(
      quantile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBe(95);
    expect(quantile([], 0.5)).toBe(0);
  });
});
