// The web-search agent asks the local corpus all its queries at once; what it keeps,
// and in which order, must be what asking them one by one gives.
import { describe, expect, it } from "vitest";
import { searchEverywhere } from "../../../agents/web-search/search.js";
import type { Queryable } from "../../../db/types.js";

/** A corpus with one page per query naming the shop; the first query answers last. */
function slowFirstCorpus() {
  let inFlight = 0;
  let maxInFlight = 0;
  const corpus: Queryable = {
    async query<Row>(_sql: string, params?: unknown[]) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const text = String(params?.[0]);
      await new Promise((r) => setTimeout(r, text.includes("first") ? 30 : 1));
      inFlight--;
      const row = (id: string) => ({
        chunk_id: id,
        doc_id: `doc-${id}`,
        kind: "web",
        url: `https://example.test/${id}`,
        title: `About ${id}`,
        heading: "",
        body: `Bright Nova Store sold me a fake (${id})`,
        source: "test",
        topics: [],
        content_hash: null,
        published_at: null,
      });
      // Both queries find the shared page; each also finds its own.
      return {
        rows: [row(text.includes("first") ? "a" : "b"), row("shared")] as Row[],
        rowCount: 2,
      };
    },
    async exec() {},
  };
  return { corpus, maxInFlight: () => maxInFlight };
}

describe("the web-search agent's local corpus lookups", () => {
  it("go out at once and are kept in the order of the queries", async () => {
    const { corpus, maxInFlight } = slowFirstCorpus();

    const { kept, calls } = await searchEverywhere(
      { corpus, embedder: null, providers: [] },
      ["first query", "second query"],
      ["Bright Nova Store"],
    );

    expect(maxInFlight()).toBeGreaterThan(1);
    expect(calls.map((c) => [c.query, c.kept])).toEqual([
      ["first query", 2],
      ["second query", 1],
    ]);
    expect(kept.map((h) => [h.query, h.chunkId])).toEqual([
      ["first query", "a"],
      ["first query", "shared"],
      ["second query", "b"],
    ]);
  });
});
