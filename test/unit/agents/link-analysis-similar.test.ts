import { describe, expect, it } from "vitest";
import { MAX_VERDICTS_SHOWN, similarEvidence } from "../../../agents/link-analysis/similar.js";
import type { SimilarSellersAnswer } from "../../../tools/similar/index.js";

const verdict = (caseId: string, decision: string, overriddenTo: string | null = null) => ({
  caseId,
  sellerId: "x",
  decision,
  verdictHash: "f".repeat(64),
  decidedAt: "2026-11-02T00:00:00.000Z",
  overriddenTo,
});

const answer: SimilarSellersAnswer = {
  sellerId: "slr_a",
  category: "toys",
  snapshot: { id: "bs-1", asOf: "2026-11-01T00:00:00.000Z" },
  method: "hnsw",
  k: 3,
  profile: [0.5, 0.9],
  neighbours: [
    {
      sellerId: "slr_b",
      category: "toys",
      distance: 0.123456789,
      verdicts: [1, 2, 3, 4, 5].map((i) => verdict(`c${i}`, "fraud")),
    },
    {
      sellerId: "slr_c",
      category: "toys",
      distance: 0.5,
      verdicts: [verdict("c9", "fraud", "not_fraud")],
    },
    { sellerId: "slr_d", category: "toys", distance: 0.7, verdicts: [] },
  ],
  queries: {
    neighbours: { sql: "SELECT 1", params: ["bs-1"], settings: { "hnsw.ef_search": "40" } },
    verdicts: { sql: "SELECT 2", params: [["slr_b", "slr_c", "slr_d"]] },
  },
};

describe("look-alike sellers as evidence", () => {
  it("names the neighbours, counts fraud by the analyst's override, and keeps both statements", () => {
    const e = similarEvidence(answer, "2026-12-03T00:00:00.000Z");
    expect(e.kind).toBe("link");
    expect(e.source.via).toBe("similar_sellers");
    expect(e.source.locator).toContain("SELECT 1");
    expect(e.source.locator).toContain("SELECT 2");
    expect(e.source.params).toEqual([["bs-1"], [["slr_b", "slr_c", "slr_d"]]]);
    // slr_c's fraud verdict was overridden to not_fraud: one of two decided is fraud.
    expect(e.summary).toContain("2 with decided cases, 1 of them decided fraud");
    expect(e.summary).toContain("slr_c (0.50: fraud, overridden to not_fraud)");
    expect(e.summary).toContain("a look-alike shares nothing with it");
    const data = e.data as { neighbours: { distance: number; verdicts: unknown[] }[] };
    expect(data.neighbours[0]?.verdicts).toHaveLength(MAX_VERDICTS_SHOWN);
    expect(data.neighbours[0]?.distance).toBe(0.123457);
    expect(e.untrusted).toBe(false);
  });

  it("is the same evidence for the same answer (content-addressed)", () => {
    expect(similarEvidence(answer, "2026-12-03T00:00:00.000Z").id).toBe(
      similarEvidence(answer, "2026-12-04T00:00:00.000Z").id,
    );
  });
});
