// Retrieval quality on the small demo world's corpus, with the local embedder, as the
// web-search agent and the knowledge-base guidance use it. The query set comes from
// the world's labels: for every seller the web writes about, its shop name (alone, and
// with complaint words) must find that seller's pages in the top 10. Knowledge-base
// questions must find their playbook or the policy. And in whole investigations, no
// look-alike's page is ever cited against a seller, and injection pages are flagged.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvestigator } from "../../../controller/investigate.js";
import { migrate } from "../../../db/migrate.js";
import { hybridSearch, namesExactly } from "../../../tools/search/hybrid.js";
import { embedCorpus } from "../../../tools/search/index-corpus.js";
import { createLocalEmbedder } from "../../../tools/vector/local-embedder.js";
import type { Embedder } from "../../../tools/vector/types.js";
import { loadWinkVectors } from "../../../tools/vector/wink-cache.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

const KB_QUESTIONS: [string, string][] = [
  ["identical five-star reviews from brand-new accounts sharing devices", "kb_brushing"],
  ["how to tell a viral seller from fake orders and bought reviews", "kb_brushing"],
  ["sellers paid into the same payout account and buyers on their devices", "kb_collusion"],
  ["login from a new device in a new country then payout account changed", "kb_account_takeover"],
  ["new accounts redeeming a welcome coupon then cancelling the orders", "kb_incentive_abuse"],
  ["affiliate clicks from a few IP addresses on emulators that never convert", "kb_click_farm"],
  ["which evidence justifies a ban and when does a human review the case", "kb_enforcement_policy"],
  ["restrict or monitor a seller when the evidence is uncertain", "kb_enforcement_policy"],
];

describe("retrieval quality on the demo corpus", () => {
  let t: TestDatabase;
  let labels: WorldLabels;
  let embedder: Embedder;
  const shopOf = new Map<string, string>();

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    labels = (await seedWorld(t.db, { size: "small", seed: 42 })).labels;
    embedder = createLocalEmbedder(await loadWinkVectors(join(tmpdir(), "casehound-test-wink")));
    await embedCorpus(t.db, embedder);
    const { rows } = await t.db.query<{ seller_id: string; shop_name: string }>(
      "SELECT seller_id, shop_name FROM risk.sellers",
    );
    for (const r of rows) shopOf.set(r.seller_id, r.shop_name);
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("finds a seller's pages in the top 10 when asked about it: recall@10 of at least 0.9", async () => {
    const about = new Map<string, Set<string>>();
    for (const page of labels.corpus)
      if (page.aboutSellerId && (page.relation === "report" || page.relation === "injection")) {
        const docs = about.get(page.aboutSellerId) ?? new Set<string>();
        docs.add(page.docId);
        about.set(page.aboutSellerId, docs);
      }
    expect(about.size).toBeGreaterThan(10);
    // As the agent asks (names boosted), and as plain retrieval without the boost.
    for (const boosted of [true, false]) {
      const recalls: number[] = [];
      for (const [sellerId, relevant] of about) {
        const shop = shopOf.get(sellerId)!;
        for (const query of [
          shop,
          `${shop} scam complaints`,
          `is ${shop} legit? reviews and refunds`,
        ]) {
          const hits = await hybridSearch(t.db, embedder, query, {
            kind: "web",
            entities: boosted ? [shop] : [],
            limit: 10,
          });
          const found = new Set(hits.map((h) => h.docId));
          recalls.push([...relevant].filter((d) => found.has(d)).length / relevant.size);
        }
      }
      const recall = recalls.reduce((s, r) => s + r, 0) / recalls.length;
      process.stdout.write(
        `web recall@10 over ${recalls.length} labelled queries (${boosted ? "names boosted" : "no boost"}): ${recall.toFixed(3)}\n`,
      );
      // The agent always boosts the names; plain retrieval is held to a lower floor.
      expect(recall).toBeGreaterThanOrEqual(boosted ? 0.9 : 0.8);
    }
  });

  it("answers knowledge-base questions with the right playbook in the top 3", async () => {
    let right = 0;
    for (const [question, docId] of KB_QUESTIONS) {
      const hits = await hybridSearch(t.db, embedder, question, { kind: "kb", limit: 3 });
      if (hits.some((h) => h.docId === docId)) right++;
    }
    process.stdout.write(
      `knowledge-base questions answered in the top 3: ${right}/${KB_QUESTIONS.length}\n`,
    );
    expect(right / KB_QUESTIONS.length).toBeGreaterThanOrEqual(0.875);
  });

  it("never cites a look-alike's page or another seller's page against a seller, and flags injection pages", async () => {
    const truth = new Map(labels.corpus.map((c) => [c.docId, c]));
    const investigate = createInvestigator({ warehouse: t.db, embedder });
    const written = new Set(labels.corpus.map((c) => c.aboutSellerId).filter(Boolean));
    const decoyed = new Set(
      labels.corpus.filter((c) => c.relation === "decoy").map((c) => c.lookAlikeOf),
    );
    const subjects = labels.subjects.filter(
      (s) =>
        s.role === "primary" &&
        (written.has(s.subject.id) || decoyed.has(shopOf.get(s.subject.id))),
    );
    expect(subjects.length).toBeGreaterThan(5);
    let cited = 0;
    for (const s of subjects) {
      const result = await investigate({ subject: s.subject, allegation: "Flagged for review" });
      const shop = shopOf.get(s.subject.id)!;
      for (const e of result.evidence.filter((x) => x.kind === "web")) {
        const data = e.data as { doc_id: string; title: string; snippet: string };
        const page = truth.get(data.doc_id);
        expect(page?.relation, data.title).not.toBe("decoy");
        expect(page?.aboutSellerId, data.title).toBe(s.subject.id);
        expect(namesExactly(`${data.title}\n${data.snippet}`, shop)).toBe(true);
        cited++;
      }
      const injected = labels.corpus.filter(
        (c) => c.relation === "injection" && c.aboutSellerId === s.subject.id,
      );
      if (injected.length > 0) {
        const webIds = new Set(result.evidence.filter((x) => x.kind === "web").map((x) => x.id));
        const flagged = result.evidence.filter(
          (x) => x.kind === "manipulation_attempt" && webIds.has(String(x.source.params[0])),
        );
        expect(flagged.length, `injection page about ${shop}`).toBeGreaterThan(0);
      }
      if (s.typology !== "none" && s.intensity === "blatant")
        expect(result.verdict.decision).toBe("fraud");
      if (s.typology === "none") expect(result.verdict.decision).toBe("not_fraud");
      expect(result.verdict.guidance.length).toBeGreaterThan(0);
    }
    expect(cited).toBeGreaterThan(subjects.length);
  }, 240_000);
});
