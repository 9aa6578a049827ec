// Pages about the hard negatives, which name the shop and clear it: good press for the
// viral seller, and the review-bombed seller's forum thread about the attack on it.
// They are "report" pages with no typology, so search finds them for these shops too.
import type { Rng } from "../rng.js";
import { capitalise, fill, fitBody, publishedBefore, type Vars } from "./compose.js";
import * as H from "./hard-negative-words.js";
import type { CorpusSeller, Draft } from "./types.js";
import {
  categoryLabel,
  categoryNoun,
  cityIn,
  countryName,
  handle,
  personName,
  withArticle,
} from "./world-words.js";

function sayer(rng: Rng, seller: CorpusSeller) {
  const vars: Vars = {
    shop: seller.shopName,
    country: countryName(seller.country),
    city: cityIn(rng, seller.country),
    category: categoryLabel(seller.category),
    a_category: withArticle(categoryLabel(seller.category)),
    noun: categoryNoun(rng, seller.category),
    person: (r) => personName(r),
  };
  const say = (t: string) => capitalise(fill(rng, t, vars));
  return {
    say,
    some: (templates: readonly string[], k: number) => rng.sample(templates, k).map(say),
  };
}

function truth(seller: CorpusSeller): Draft["truth"] {
  return { aboutSellerId: seller.id, relation: "report", typology: null };
}

export function viralPage(rng: Rng, seller: CorpusSeller, asOf: number): Draft {
  const { say, some } = sayer(rng, seller);
  const details = some(H.VIRAL_DETAILS, 6);
  const spare = details.slice(4);
  const body = fitBody(
    [
      `${say(rng.pick(H.VIRAL_LEADS))} ${details[0]}`,
      `${details[1]} ${details[2]}`,
      some(H.VIRAL_QUOTES, 2).join(" "),
      `${details[3]} ${say(rng.pick(H.VIRAL_CLOSERS))}`,
    ],
    () => spare.pop() ?? null,
  );
  return {
    source: rng.chance(0.7) ? "news" : "blog",
    title: say(rng.pick(H.VIRAL_TITLES)),
    body,
    publishedAt: publishedBefore(rng, asOf, 1, 8),
    truth: truth(seller),
    mentions: seller.shopName,
  };
}

export function reviewBombedThread(rng: Rng, seller: CorpusSeller, asOf: number): Draft {
  const { say, some } = sayer(rng, seller);
  const details = some(H.BOMBED_DETAILS, 5);
  const spare = details.slice(3);
  const replies = some(H.BOMBED_REPLIES, rng.between(2, 3)).map(
    (r) => `Reply from ${handle(rng)}: ${r}`,
  );
  const body = fitBody(
    [
      `${say(rng.pick(H.BOMBED_OPENERS))} ${details[0]}`,
      `${details[1]} ${details[2]}`,
      say(rng.pick(H.BOMBED_QUESTIONS)),
      ...replies,
    ],
    () => spare.pop() ?? null,
  );
  return {
    source: "forum",
    title: say(rng.pick(H.BOMBED_TITLES)),
    body,
    publishedAt: publishedBefore(rng, asOf, 0.2, 6),
    truth: truth(seller),
    mentions: seller.shopName,
  };
}
