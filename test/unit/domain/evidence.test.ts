import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../domain/canonical-json.js";
import { makeEvidence, mergeEvidence } from "../../../domain/evidence.js";

const draft = {
  kind: "indicator" as const,
  source: {
    locator: "SELECT 1",
    params: [["slr_1"], "2026-11-01T00:00:00.000Z"],
    via: "context.orders_30d",
  },
  summary: "Orders in the last 30 days: 3",
  data: { value: 3, sample: [{ b: 2, a: 1 }] },
  untrusted: false,
};

describe("evidence ids", () => {
  it("are the same for the same content whenever it is retrieved and however keys are ordered", () => {
    const a = makeEvidence(draft, "2026-11-24T10:00:00.000Z");
    const b = makeEvidence(
      { ...draft, data: { sample: [{ a: 1, b: 2 }], value: 3 } },
      "2026-11-25T10:00:00.000Z",
    );
    expect(b.id).toBe(a.id);
    expect(a.id).toMatch(/^ev_[0-9a-f]{16}$/);
  });

  it("differ when the query, its parameters or the data differ", () => {
    const base = makeEvidence(draft, "2026-11-24T10:00:00.000Z").id;
    expect(
      makeEvidence(
        { ...draft, source: { ...draft.source, params: [["slr_2"], "2026-11-01T00:00:00.000Z"] } },
        "2026-11-24T10:00:00.000Z",
      ).id,
    ).not.toBe(base);
    expect(
      makeEvidence({ ...draft, data: { value: 4, sample: [] } }, "2026-11-24T10:00:00.000Z").id,
    ).not.toBe(base);
  });

  it("merge without duplicates, keeping the first copy", () => {
    const a = makeEvidence(draft, "2026-11-24T10:00:00.000Z");
    const again = makeEvidence(draft, "2026-11-24T11:00:00.000Z");
    const other = makeEvidence(
      { ...draft, summary: "x", data: { value: 9 } },
      "2026-11-24T10:00:00.000Z",
    );
    const merged = mergeEvidence([a], [again, other, other]);
    expect(merged.map((e) => e.id)).toEqual([a.id, other.id]);
    expect(merged[0]?.retrieved_at).toBe("2026-11-24T10:00:00.000Z");
  });
});

describe("canonical JSON", () => {
  it("sorts keys, drops undefined members, writes dates as ISO and refuses non-finite numbers", () => {
    expect(canonicalJson({ b: 1, a: [undefined, new Date(0)], c: undefined })).toBe(
      '{"a":[null,"1970-01-01T00:00:00.000Z"],"b":1}',
    );
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(/cannot canonicalise/);
  });
});
