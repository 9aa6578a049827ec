// The verdict names the snapshot its readings were compared against, read from the
// readings themselves — so a replay, which sees the recorded comparisons, names the
// same one, and a run recorded before snapshots existed names none.
import { describe, expect, it } from "vitest";
import { baselineSnapshotOf } from "../../../controller/assemble-verdict.js";
import type { CaseStateType } from "../../../controller/state.js";
import type { IndicatorReading } from "../../../domain/indicator.js";

function reading(id: string, baseline: IndicatorReading["baseline"]): IndicatorReading {
  return {
    indicator: id,
    title: id,
    topics: ["context"],
    unit: "count",
    value: 3,
    baseline,
    percentile: baseline ? 0.5 : null,
    evidence_id: `ev_${id}`,
  };
}
const stateWith = (readings: IndicatorReading[]) => ({ readings }) as unknown as CaseStateType;
const base = { scope: "category:toys", sellers: 40, p50: 1, p90: 2, p99: 3 };

describe("the verdict's baseline snapshot", () => {
  it("is the snapshot the readings were compared against", () => {
    const snapshot = { id: "bs-1", as_of: "2026-10-31T23:00:00.000Z" };
    const readings = [reading("a", null), reading("b", { ...base, snapshot })];
    expect(baselineSnapshotOf(stateWith(readings))).toEqual(snapshot);
  });

  it("is null when no reading was compared, or the comparisons were recorded before snapshots", () => {
    expect(baselineSnapshotOf(stateWith([]))).toBeNull();
    expect(baselineSnapshotOf(stateWith([reading("a", null), reading("b", base)]))).toBeNull();
  });
});
