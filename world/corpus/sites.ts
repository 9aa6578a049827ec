// The invented web the corpus lives on: a few sites per kind of source, all on the
// reserved .example and .test domains so no real site or business is ever named, and
// the URL shape each kind of site uses.
import type { Rng } from "../rng.js";
import { slug } from "./compose.js";
import type { CorpusSource } from "./types.js";

const SITES: Record<CorpusSource, readonly string[]> = {
  news: [
    "marketwire-daily.example",
    "ecommerce-ledger.example",
    "retailbeat.test",
    "the-checkout.example",
    "consumer-desk.test",
  ],
  forum: ["buyerforum.example", "dealhunters-talk.test", "sellers-circle.example"],
  scam_report: ["scamreport-hub.example", "fraudwatch-registry.test", "report-a-shop.example"],
  blog: ["parcel-notes.example", "riskyretail.example", "shopsleuth.test", "checkout-diaries.test"],
  review_site: ["trustscore-reviews.example", "shoprater.test", "verdict-stars.example"],
};

/** A URL for a page of `source` titled `title`, published at `publishedAt`. */
export function pageUrl(
  rng: Rng,
  source: CorpusSource,
  title: string,
  publishedAt: string,
): string {
  const site = rng.pick(SITES[source]);
  const path = slug(title) || "page";
  const number = rng.between(1000, 999_999);
  switch (source) {
    case "news":
      return `https://${site}/${publishedAt.slice(0, 4)}/${publishedAt.slice(5, 7)}/${path}`;
    case "forum":
      return `https://${site}/t/${path}/${number}`;
    case "scam_report":
      return `https://${site}/reports/${number}-${path}`;
    case "blog":
      return `https://${site}/posts/${path}`;
    case "review_site":
      return `https://${site}/review/${path}-${number.toString(36)}`;
  }
}
