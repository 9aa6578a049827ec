import { describe, expect, it } from "vitest";
import {
  brierScore,
  calibrationError,
  reliabilityTable,
} from "../../../agents/reasoning/calibration.js";
import { type Example, fitLogistic } from "../../../agents/reasoning/fit.js";

/** A deterministic sample from a known logistic model: p = σ(-2 + 4·x0 - 3·x1). */
function sample(n: number): Example[] {
  let s = 7;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, () => {
    const x0 = rand();
    const x1 = rand();
    const p = 1 / (1 + Math.exp(-(-2 + 4 * x0 - 3 * x1)));
    return { features: [x0, x1, rand()], label: rand() < p ? 1 : 0 };
  });
}

describe("fitting an additive model", () => {
  const examples = sample(4000);

  it("recovers the weights that generated the labels", () => {
    const fit = fitLogistic({
      examples,
      prior: [0, 0, 0],
      priorBias: 0,
      signs: [0, 0, 0],
      l2: 0,
    });
    expect(fit.converged).toBe(true);
    expect(fit.bias).toBeCloseTo(-2, 0);
    expect(fit.weights[0]).toBeCloseTo(4, 0);
    expect(fit.weights[1]).toBeCloseTo(-3, 0);
    expect(Math.abs(fit.weights[2] as number)).toBeLessThan(0.5); // noise
  });

  it("keeps each weight on the side of zero its meaning fixes", () => {
    // x1 truly counts against; a model that insists it counts for gets zero, not a negative.
    const fit = fitLogistic({ examples, prior: [1, 1, 1], priorBias: 0, signs: [1, 1, -1], l2: 0 });
    expect(fit.weights[1]).toBe(0);
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[2]).toBeLessThanOrEqual(0);
  });

  it("stays at the prior when the pull is strong and moves off it when it is weak", () => {
    const prior = [1, -1, 0];
    const strong = fitLogistic({ examples, prior, priorBias: -2, signs: [0, 0, 0], l2: 1000 });
    const weak = fitLogistic({ examples, prior, priorBias: -2, signs: [0, 0, 0], l2: 1e-4 });
    expect(strong.weights[0]).toBeCloseTo(1, 1);
    expect(weak.weights[0]).toBeGreaterThan(3);
    expect(weak.logLoss).toBeLessThan(strong.logLoss);
  });

  it("refuses examples whose features do not match the weights", () => {
    expect(() =>
      fitLogistic({
        examples: [{ features: [1], label: 1 }],
        prior: [0, 0],
        priorBias: 0,
        signs: [0, 0],
        l2: 0,
      }),
    ).toThrow(/one feature per weight/);
  });
});

describe("calibration", () => {
  it("finds a calibrated forecaster calibrated and an overconfident one not", () => {
    const calibrated = Array.from({ length: 1000 }, (_, i) => ({
      p: 0.3,
      label: (i % 10 < 3 ? 1 : 0) as 0 | 1,
    }));
    const overconfident = calibrated.map((x) => ({ ...x, p: 0.95 }));
    expect(calibrationError(calibrated)).toBeCloseTo(0, 5);
    expect(calibrationError(overconfident)).toBeCloseTo(0.65, 5);
    expect(brierScore(calibrated)).toBeLessThan(brierScore(overconfident) as number);
    const bin = reliabilityTable(calibrated).find((b) => b.cases > 0);
    expect(bin).toMatchObject({ from: 0.3, cases: 1000 });
    expect(bin?.observed).toBeCloseTo(0.3, 5);
    expect(calibrationError([])).toBeNull();
  });
});
