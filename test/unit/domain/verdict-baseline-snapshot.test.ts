// The verdict names the baseline snapshot its comparisons used; verdicts stored
// before the field existed still parse (null) and keep their decision hash.
import { describe, expect, it } from "vitest";
import { hashOf } from "../../../domain/canonical-json.js";
import { decidingPart, Verdict } from "../../../domain/verdict.js";
import { reportCase } from "../../fixtures/report-case.js";

describe("the verdict's baseline snapshot", () => {
  it("a verdict stored before snapshots existed parses with no snapshot and hashes as it did", () => {
    const { baseline_snapshot: _s, ...stored } = reportCase().verdict;
    const parsed = Verdict.parse(JSON.parse(JSON.stringify(stored)));
    expect(parsed.baseline_snapshot).toBeNull();
    const { timings: _t, step_wall_ms: _w, audit_head: _h, ...oldDecidingPart } = stored;
    expect(hashOf(decidingPart(parsed))).toBe(hashOf(oldDecidingPart));
  });

  it("a named snapshot is part of the decision hash", () => {
    const { verdict } = reportCase();
    const named = Verdict.parse({
      ...verdict,
      baseline_snapshot: { id: "bs-1", as_of: "2026-10-31T00:00:00.000Z" },
    });
    const other = Verdict.parse({
      ...named,
      baseline_snapshot: { id: "bs-2", as_of: "2026-10-31T12:00:00.000Z" },
    });
    expect(decidingPart(named).baseline_snapshot).toEqual(named.baseline_snapshot);
    expect(hashOf(decidingPart(named))).not.toBe(hashOf(decidingPart(other)));
    expect(hashOf(decidingPart(named))).not.toBe(
      hashOf(decidingPart({ ...named, baseline_snapshot: null })),
    );
  });

  it("refuses a snapshot reference without its instant", () => {
    const { verdict } = reportCase();
    expect(Verdict.safeParse({ ...verdict, baseline_snapshot: { id: "bs-1" } }).success).toBe(
      false,
    );
  });
});
