// Hybrid retrieval on embedded PGlite with the local word vectors: full text and
// vectors fused, exact names boosted over look-alikes, the knowledge base searchable
// on its own, and a change of embedding model re-embeds everything under a new index.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkWebDocument } from "../../../db/corpus/chunk.js";
import { saveKnowledgeBase } from "../../../db/corpus/save.js";
import { migrate } from "../../../db/migrate.js";
import {
  type ChunkRow,
  type CorpusDocument,
  saveDocuments,
} from "../../../db/repositories/documents.js";
import { hybridSearch } from "../../../tools/search/hybrid.js";
import { embedCorpus } from "../../../tools/search/index-corpus.js";
import { createLocalEmbedder } from "../../../tools/vector/local-embedder.js";
import type { Embedder } from "../../../tools/vector/types.js";
import { loadWinkVectors } from "../../../tools/vector/wink-cache.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

const SHOP = "Bright Nova Store";
const PAGES: [string, string, string][] = [
  [
    "web_report1",
    `Buyers report fake reviews at ${SHOP}`,
    `Dozens of identical five-star reviews appeared at ${SHOP} within a week. Shoppers say the parcels from ${SHOP} were empty and the reviewers had brand-new accounts.`,
  ],
  [
    "web_report2",
    `Forum: is ${SHOP} legit?`,
    `I ordered a phone case from ${SHOP} and got an empty envelope. Their reviews all read the same, like bought praise.`,
  ],
  [
    "web_decoy",
    "Scam alert: Bright Nova Stores",
    "Bright Nova Stores took my money and sent nothing. Their reviews are fake and identical, avoid this shop.",
  ],
  [
    "web_noise1",
    "How to track a parcel",
    "Most carriers give a tracking number when the parcel ships. Check the carrier's site for delivery estimates and weather delays.",
  ],
  [
    "web_noise2",
    "Chargebacks explained",
    "A chargeback reverses a card payment after the cardholder disputes it with the bank. Merchants can contest with proof of delivery.",
  ],
];

function doc(id: string, title: string, body: string): CorpusDocument {
  return {
    docId: id,
    url: `https://forum.example/${id}`,
    title,
    body,
    source: "forum",
    publishedAt: "2026-10-01T00:00:00Z",
    kind: "web",
    origin: "operator",
    topics: [],
    contentHash: id,
    retrievedAt: null,
  };
}

describe("hybrid search over the corpus", () => {
  let t: TestDatabase;
  let embedder: Embedder;

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    embedder = createLocalEmbedder(await loadWinkVectors(join(tmpdir(), "casehound-test-wink")));
    const docs = PAGES.map(([id, title, body]) => doc(id, title, body));
    const chunks: ChunkRow[] = docs.flatMap((d) =>
      chunkWebDocument(d.title, d.body).map((c) => ({
        chunkId: `${d.docId}#${c.ord}`,
        docId: d.docId,
        ...c,
        embedding: null,
      })),
    );
    await saveDocuments(t.db, docs, chunks, embedder.model);
    await saveKnowledgeBase(t.db);
    const report = await embedCorpus(t.db, embedder);
    expect(report.embedded).toBeGreaterThan(PAGES.length);
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("ranks the pages naming the shop exactly above the look-alike's, with both lists contributing", async () => {
    const hits = await hybridSearch(t.db, embedder, `${SHOP} fake reviews scam`, {
      entities: [SHOP],
      kind: "web",
    });
    const ids = hits.map((h) => h.docId);
    expect(ids.slice(0, 2).sort()).toEqual(["web_report1", "web_report2"]);
    expect(ids.indexOf("web_decoy")).toBeGreaterThan(1);
    expect(hits.find((h) => h.docId === "web_decoy")?.matched).toEqual([]);
    expect(hits[0]?.matched).toEqual([SHOP]);
    expect(hits[0]?.ftsRank).not.toBeNull();
    expect(hits[0]?.vectorRank).not.toBeNull();
  });

  it("finds by meaning what shares no word with the query", async () => {
    const hits = await hybridSearch(t.db, embedder, "card payment disputed with the bank", {
      kind: "web",
      limit: 3,
    });
    expect(hits[0]?.docId).toBe("web_noise2");
    const meaningOnly = await hybridSearch(t.db, embedder, "reversal dispute", {
      kind: "web",
      limit: 5,
    });
    expect(meaningOnly.some((h) => h.docId === "web_noise2" && h.vectorRank !== null)).toBe(true);
  });

  it("searches the knowledge base on its own and returns its sections", async () => {
    const hits = await hybridSearch(t.db, embedder, "which evidence justifies a ban", {
      kind: "kb",
      limit: 5,
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === "kb" && h.docId.startsWith("kb_"))).toBe(true);
    expect(hits.some((h) => h.docId === "kb_enforcement_policy")).toBe(true);
  });

  it("contains hostile or empty queries: no error, no SQL from the query text", async () => {
    for (const q of ["'); DROP TABLE casehound.chunks; --", "", "!!! & | <->", "x".repeat(5000)])
      await expect(hybridSearch(t.db, embedder, q)).resolves.toBeInstanceOf(Array);
    const { rows } = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM casehound.chunks",
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it("re-embeds every chunk after a change of model, under the new model's own index", async () => {
    const fake: Embedder = {
      model: "test:fake-8",
      dims: 8,
      embed: async (texts) =>
        texts.map((text) =>
          Array.from({ length: 8 }, (_, i) => ((text.length * (i + 3)) % 17) + 1),
        ),
    };
    const report = await embedCorpus(t.db, fake);
    const { rows } = await t.db.query<{ model: string | null; n: number }>(
      "SELECT embedding_model AS model, count(*)::int AS n FROM casehound.chunks GROUP BY 1",
    );
    expect(rows).toEqual([{ model: "test:fake-8", n: report.embedded }]);
    const indexes = await t.db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks' AND indexdef LIKE '%hnsw%'",
    );
    expect(
      indexes.rows.some(
        (r) => r.indexdef.includes("vector(8)") && r.indexdef.includes("test:fake-8"),
      ),
    ).toBe(true);
    const hits = await hybridSearch(t.db, fake, "anything at all", { limit: 3 });
    expect(hits.every((h) => h.vectorRank !== null || h.ftsRank !== null)).toBe(true);
    expect(hits.some((h) => h.vectorRank !== null)).toBe(true);
    await embedCorpus(t.db, embedder);
  });
});
