// Report pages about planted fraud sellers: who gets written about (every blatant
// case, about half of the subtle ones, never a ring's partner shops), how many pages
// each gets, and the pages themselves.
import type { Rng } from "../rng.js";
import { publishedBefore } from "./compose.js";
import { reportPage } from "./report-frames.js";
import type { CorpusSeller, CorpusSource, Draft } from "./types.js";
import { typologyText } from "./typologies/index.js";

const SOURCES: readonly CorpusSource[] = ["news", "forum", "scam_report", "blog", "review_site"];

export type FraudSeller = CorpusSeller & { intensity: "blatant" | "subtle" };

/** A primary subject planted with a typology the corpus can write about. */
export function isFraudPlant(seller: CorpusSeller): seller is FraudSeller {
  return (
    (seller.role ?? "primary") === "primary" &&
    seller.intensity !== null &&
    typologyText(seller.typology) !== undefined
  );
}

/**
 * The fraud sellers the web has noticed: all blatant ones, and about half of the subtle
 * ones of each typology (rounded up, so a world with one subtle case still has a page
 * to find). Returned in input order.
 */
export function reportedSellers(rng: Rng, sellers: readonly CorpusSeller[]): FraudSeller[] {
  const fraud = sellers.filter(isFraudPlant);
  const chosen = new Set(fraud.filter((s) => s.intensity === "blatant"));
  const typologies = [...new Set(fraud.map((s) => s.typology))];
  for (const typology of typologies) {
    const subtle = fraud.filter((s) => s.intensity === "subtle" && s.typology === typology);
    for (const s of rng.sample(subtle, Math.ceil(subtle.length / 2))) chosen.add(s);
  }
  return fraud.filter((s) => chosen.has(s));
}

/** Which kinds of page a seller gets: 1–3 for a blatant case, 1–2 for a subtle one. */
export function reportSources(rng: Rng, seller: FraudSeller): CorpusSource[] {
  const count = seller.intensity === "blatant" ? rng.between(1, 3) : rng.between(1, 2);
  return rng.sample(SOURCES, count);
}

export function reportDraft(
  rng: Rng,
  seller: FraudSeller,
  source: CorpusSource,
  asOf: number,
): Draft {
  const text = typologyText(seller.typology);
  if (!text) throw new Error(`no corpus text for typology ${seller.typology}`);
  const page = reportPage(rng, source, text, {
    name: seller.shopName,
    sellerId: seller.id,
    country: seller.country,
    category: seller.category,
    intensity: seller.intensity,
  });
  return {
    source,
    ...page,
    // The planted patterns run up to the world's last days; the web reacts after them.
    publishedAt: publishedBefore(rng, asOf, 0.2, 5),
    truth: { aboutSellerId: seller.id, relation: "report", typology: seller.typology },
    mentions: seller.shopName,
  };
}
