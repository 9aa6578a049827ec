import { describe, expect, it } from "vitest";
import { scanForInjection } from "../../../tools/untrusted/scan.js";
import {
  type Corpus,
  type CorpusSeller,
  generateCorpus,
  NOISE_MIN,
} from "../../../world/corpus/index.js";
import { INJECTIONS, injectionPage } from "../../../world/corpus/injection.js";
import { lookAlikeName } from "../../../world/corpus/look-alike.js";
import { NameIndex } from "../../../world/corpus/names.js";
import { Rng } from "../../../world/rng.js";
import { shopName } from "../../../world/text.js";
import { CATEGORIES, COUNTRIES } from "../../../world/vocabulary.js";

const AS_OF = Date.parse("2026-11-01T00:00:00.000Z");
const FRAUD = [
  "brushing",
  "collusion",
  "account_takeover",
  "incentive_abuse",
  "click_farm",
] as const;

/** A world-like seller list: two blatant and two subtle cases of each typology, collusion
 * partners, the three hard negatives, and ordinary sellers up to `size`. */
function fakeWorld(size = 40, seed = 11): { sellers: CorpusSeller[]; names: Set<string> } {
  const rng = new Rng(seed);
  const names = new Set<string>();
  const sellers: CorpusSeller[] = [];
  const add = (s: Omit<CorpusSeller, "id" | "shopName" | "country" | "category">) =>
    sellers.push({
      id: `slr_${sellers.length.toString(36).padStart(7, "0")}`,
      shopName: shopName(rng, names),
      country: rng.pick(COUNTRIES).code,
      category: rng.pick(CATEGORIES).name,
      ...s,
    });
  for (const typology of FRAUD)
    for (const intensity of ["blatant", "blatant", "subtle", "subtle"] as const)
      add({ kind: typology, typology, intensity });
  for (const intensity of ["blatant", "subtle"] as const)
    add({ kind: "collusion", typology: "collusion", intensity, role: "ring_member" });
  for (const kind of ["viral_seller", "shared_office_ip", "review_bombed"])
    add({ kind, typology: "none", intensity: null });
  while (sellers.length < size) add({ kind: "ordinary", typology: "none", intensity: null });
  return { sellers, names };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWord = (name: string) => new RegExp(`\\b${escapeRegExp(name)}\\b`, "i");
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const pages = (corpus: Corpus) =>
  corpus.documents.map((document, i) => ({ document, truth: corpus.truth[i]! }));
const text = (d: { title: string; body: string }) => `${d.title}\n${d.body}`;

const world = fakeWorld();
const corpus = generateCorpus(new Rng(7), world.sellers, world.names, AS_OF);

describe("generateCorpus", () => {
  it("gives the same pages for the same seed and different pages for another", () => {
    const again = generateCorpus(new Rng(7), world.sellers, world.names, AS_OF);
    const other = generateCorpus(new Rng(8), world.sellers, world.names, AS_OF);
    expect(again).toEqual(corpus);
    expect(other.documents.map((d) => d.docId)).not.toEqual(corpus.documents.map((d) => d.docId));
  });

  it("names every blatant fraud seller, exactly, in a report of its typology", () => {
    const blatant = world.sellers.filter(
      (s) => s.intensity === "blatant" && s.role === undefined && s.typology !== "none",
    );
    expect(blatant).toHaveLength(10);
    for (const seller of blatant) {
      const reports = pages(corpus).filter(
        (p) => p.truth.relation === "report" && p.truth.aboutSellerId === seller.id,
      );
      expect(reports.length, seller.shopName).toBeGreaterThanOrEqual(1);
      expect(reports.length, seller.shopName).toBeLessThanOrEqual(3);
      for (const { document, truth } of reports) {
        expect(document.body).toContain(seller.shopName);
        expect(truth.typology).toBe(seller.typology);
      }
    }
  });

  it("reports about half of the subtle cases and never a ring's partner shops", () => {
    const about = new Set(
      corpus.truth.filter((t) => t.relation === "report").map((t) => t.aboutSellerId),
    );
    for (const typology of FRAUD) {
      const subtle = world.sellers.filter(
        (s) => s.typology === typology && s.intensity === "subtle" && s.role === undefined,
      );
      expect(
        subtle.filter((s) => about.has(s.id)),
        typology,
      ).toHaveLength(1);
    }
    for (const member of world.sellers.filter((s) => s.role === "ring_member"))
      expect(corpus.documents.some((d) => d.body.includes(member.shopName))).toBe(false);
  });

  it("clears the hard negatives: viral press and a review-bombed owner's thread", () => {
    const byKind = (kind: string) => world.sellers.find((s) => s.kind === kind)!;
    const about = (id: string) => pages(corpus).filter((p) => p.truth.aboutSellerId === id);
    const viral = about(byKind("viral_seller").id);
    expect(viral.length).toBeGreaterThanOrEqual(1);
    for (const p of viral) {
      expect(p.truth).toMatchObject({ relation: "report", typology: null });
      expect(p.document.body).toMatch(/went viral/);
    }
    const bombed = about(byKind("review_bombed").id);
    expect(bombed.map((p) => p.document.source)).toEqual(["forum"]);
    expect(bombed[0]!.truth).toMatchObject({ relation: "report", typology: null });
    expect(bombed[0]!.document.body).toMatch(/one-star/);
    expect(about(byKind("shared_office_ip").id)).toEqual([]);
  });

  it("writes decoys about look-alike names that never contain a real shop's name", () => {
    const decoys = pages(corpus).filter((p) => p.truth.relation === "decoy");
    expect(decoys.length).toBeGreaterThanOrEqual(5);
    for (const { document, truth } of decoys) {
      expect(world.names.has(truth.lookAlikeOf!)).toBe(true);
      expect(truth.aboutSellerId).toBeNull();
      expect(document.body).toContain(truth.lookAlike!);
      expect([...world.names].map((n) => n.toLowerCase())).not.toContain(
        truth.lookAlike!.toLowerCase(),
      );
      for (const name of world.names) {
        expect(text(document), name).not.toMatch(wholeWord(name));
        expect(truth.lookAlike!, name).not.toMatch(wholeWord(name));
      }
    }
  });

  it("keeps every shop name out of noise, and out of any page not about that shop", () => {
    const noise = pages(corpus).filter((p) => p.truth.relation === "noise");
    expect(noise).toHaveLength(NOISE_MIN);
    const nameOf = new Map(world.sellers.map((s) => [s.id, s.shopName]));
    for (const { document, truth } of pages(corpus)) {
      const own = truth.aboutSellerId === null ? undefined : nameOf.get(truth.aboutSellerId);
      for (const name of world.names)
        if (name !== own) expect(text(document), name).not.toMatch(wholeWord(name));
    }
  });

  it("plants two or three injection pages the scanner flags, and no injection elsewhere", () => {
    const injected = pages(corpus).filter((p) => p.truth.relation === "injection");
    expect(injected.length).toBeGreaterThanOrEqual(2);
    expect(injected.length).toBeLessThanOrEqual(3);
    for (const { document, truth } of injected) {
      const seller = world.sellers.find((s) => s.id === truth.aboutSellerId)!;
      expect(FRAUD).toContain(seller.typology);
      expect(document.body).toContain(seller.shopName);
      expect(scanForInjection(text(document))).not.toEqual([]);
    }
    for (const { document } of pages(corpus).filter((p) => p.truth.relation !== "injection"))
      expect(scanForInjection(text(document)), document.title).toEqual([]);
  });

  it("plants injection text of every variant in a form the scanner flags", () => {
    const seller = world.sellers.find((s) => s.intensity === "blatant")!;
    INJECTIONS.forEach((_, variant) => {
      const page = injectionPage(new Rng(variant), seller, variant, AS_OF);
      expect(scanForInjection(text(page)), `variant ${variant}`).not.toEqual([]);
    });
  });

  it("writes bodies of 80–600 words in paragraphs, dated before asOf", () => {
    for (const d of corpus.documents) {
      expect(words(d.body), d.title).toBeGreaterThanOrEqual(80);
      expect(words(d.body), d.title).toBeLessThanOrEqual(600);
      expect(d.body.split("\n\n").length, d.title).toBeGreaterThanOrEqual(2);
      expect(Date.parse(d.publishedAt)).toBeLessThan(AS_OF);
      expect(d.url).toMatch(/^https:\/\/[a-z0-9.-]+\.(example|test)\//);
    }
  });

  it("gives every page a unique id and URL, and truth in the same order", () => {
    const ids = corpus.documents.map((d) => d.docId);
    for (const id of ids) expect(id).toMatch(/^web_[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(corpus.documents.map((d) => d.url)).size).toBe(ids.length);
    expect(corpus.truth.map((t) => t.docId)).toEqual(ids);
  });

  it("does not repeat itself: no two reports share most of their wording", () => {
    const shingles = (body: string) => {
      const w = body.toLowerCase().split(/\W+/).filter(Boolean);
      return new Set(w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(" ")));
    };
    const reports = pages(corpus)
      .filter((p) => p.truth.relation !== "noise")
      .map((p) => shingles(p.document.body));
    for (let i = 0; i < reports.length; i++)
      for (let j = i + 1; j < reports.length; j++) {
        const a = reports[i]!;
        const b = reports[j]!;
        const shared = [...a].filter((s) => b.has(s)).length;
        expect(shared / (a.size + b.size - shared)).toBeLessThan(0.6);
      }
  });
});

describe("NameIndex", () => {
  it("finds names as whole words in any case, like /\\b<name>\\b/i", () => {
    const index = new NameIndex(["Luna Silver Market", "Amber Cedar Co."]);
    expect(index.mentioned("Ordered from luna silver market twice.")).toEqual([
      "Luna Silver Market",
    ]);
    expect(index.mentioned("Luna Silver Markets and Luna Silver Marketplace")).toEqual([]);
    expect(index.mentioned("See amber cedar co. for details")).toEqual(["Amber Cedar Co."]);
    expect(index.mentioned("XLuna Silver Market")).toEqual([]);
  });
});

describe("lookAlikeName", () => {
  it("imitates each shop with a name that is not, and does not contain, a shop's name", () => {
    const { names } = fakeWorld(400, 3);
    const index = new NameIndex(names);
    let made = 0;
    for (const real of names) {
      const lookAlike = lookAlikeName(new Rng(made + 1), real, index);
      if (lookAlike === null) continue;
      made++;
      expect(lookAlike).not.toBe(real);
      expect(index.has(lookAlike)).toBe(false);
      for (const name of [real, ...names].slice(0, 50))
        expect(lookAlike, name).not.toMatch(wholeWord(name));
      expect(index.mentioned(lookAlike)).toEqual([]);
    }
    expect(made).toBeGreaterThan(390);
  });
});
