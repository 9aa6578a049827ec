// Decoy pages: scam reports about a shop whose name only looks like a real seller's.
// They teach the search and the agents that a near match is not a match; the page
// never names the real shop, so citing it against that shop is always a mistake.
import type { Rng } from "../rng.js";
import { publishedBefore } from "./compose.js";
import { reportPage } from "./report-frames.js";
import type { CorpusSeller, CorpusSource, Draft } from "./types.js";
import { TEXT_TYPOLOGIES, typologyText } from "./typologies/index.js";
import { anyCategory, anyCountry } from "./world-words.js";

const DECOY_SOURCES: readonly CorpusSource[] = ["scam_report", "forum", "review_site", "blog"];

export function decoyPage(rng: Rng, real: CorpusSeller, lookAlike: string, asOf: number): Draft {
  // Half the time the decoy is accused of the real seller's own typology, and it mostly
  // sells the same things, so only the name tells the two apart.
  const typology =
    typologyText(real.typology) && rng.chance(0.5) ? real.typology : rng.pick(TEXT_TYPOLOGIES);
  const text = typologyText(typology);
  if (!text) throw new Error(`no corpus text for typology ${typology}`);
  const source = rng.pick(DECOY_SOURCES);
  const page = reportPage(rng, source, text, {
    name: lookAlike,
    sellerId: null,
    country: rng.chance(0.6) ? real.country : anyCountry(rng),
    category: rng.chance(0.7) ? real.category : anyCategory(rng),
    intensity: "blatant",
  });
  return {
    source,
    ...page,
    publishedAt: publishedBefore(rng, asOf, 1, 400),
    truth: {
      aboutSellerId: null,
      relation: "decoy",
      typology,
      lookAlikeOf: real.shopName,
      lookAlike,
    },
    mentions: null,
  };
}
