// A step's wall time counts its parallel tasks' overlapping time once.
import { describe, expect, it } from "vitest";
import { coveredMs, wallTimePerStep } from "../../../controller/step-wall-time.js";

describe("wall time per step", () => {
  it("counts tasks that ran at once once, and separate rounds each", () => {
    // Three sqlRetrieval tasks in parallel (0–100, 10–90, 50–150), then a second round (400–420).
    const spans: [number, number][] = [
      [0, 100],
      [10, 90],
      [50, 150],
      [400, 420],
    ];
    expect(coveredMs(spans)).toBe(170);
    const summed = spans.reduce((sum, [a, b]) => sum + b - a, 0);
    expect(summed).toBe(300); // what the summed timings say: more than the step's wall time
  });

  it("rounds each step to a tenth of a millisecond, whatever order its spans came in", () => {
    expect(
      wallTimePerStep({
        plan: [[1000.04, 1012.1]],
        sqlRetrieval: [
          [2000.5, 2100.25],
          [1990, 2001],
        ],
      }),
    ).toEqual({ plan: 12.1, sqlRetrieval: 110.3 });
    expect(wallTimePerStep({})).toEqual({});
  });
});
