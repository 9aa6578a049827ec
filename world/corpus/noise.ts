// Noise pages: plausible marketplace news, explainers, scam-awareness pieces, product
// reviews and forum chatter that name no shop. They make search honest: a query for a
// typology's words finds these as well as the reports.
import type { Rng } from "../rng.js";
import { CATEGORIES } from "../vocabulary.js";
import { capitalise, fill, fitBody, publishedBefore, type Vars } from "./compose.js";
import { ADVICE_CONTEXT, FORUM_CONTEXT, NEWS_CONTEXT } from "./noise-context.js";
import { FORUM_TOPICS } from "./noise-forum.js";
import { MARKET_TOPICS } from "./noise-market.js";
import { MONEY_TOPICS } from "./noise-money.js";
import { SHOPPER_TOPICS } from "./noise-shoppers.js";
import type { NoiseTopic } from "./noise-topic.js";
import type { Draft } from "./types.js";
import { anyCountry, categoryLabel, cityIn, countryName, handle } from "./world-words.js";

export const NOISE_TOPICS: readonly NoiseTopic[] = [
  ...MARKET_TOPICS,
  ...MONEY_TOPICS,
  ...SHOPPER_TOPICS,
  ...FORUM_TOPICS,
];

// biome-ignore format: word lists read better as a block
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
function pageVars(rng: Rng): Vars {
  const category = rng.pick(CATEGORIES);
  const country = anyCountry(rng);
  return {
    country: countryName(country),
    city: cityIn(rng, country),
    category: categoryLabel(category.name),
    noun: rng.pick(category.nouns),
    adj: rng.pick(category.adjectives),
    pct: `${rng.between(3, 18)}`,
    num: `${rng.between(5, 30)}`,
    month: rng.pick(MONTHS),
    weekday: rng.pick(WEEKDAYS),
  };
}

/** Groups sentences into paragraphs of two or three. */
function paragraphsOf(rng: Rng, sentences: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = rng.between(2, 3);
    out.push(sentences.slice(i, i + n).join(" "));
    i += n;
  }
  return out;
}

/** A noise page on `topic`; callers spread pages over the topics so none repeats much. */
export function noisePage(rng: Rng, topic: NoiseTopic, asOf: number): Draft {
  const vars = pageVars(rng);
  const say = (t: string) => capitalise(fill(rng, t, vars));
  const source = rng.pick(topic.sources);
  const context =
    source === "news" ? NEWS_CONTEXT : source === "forum" ? FORUM_CONTEXT : ADVICE_CONTEXT;
  const asides = rng.sample(context, 4).map(say);
  let paragraphs: string[];
  let spare: string[];
  if (topic.replies) {
    const replies = rng.sample(topic.replies, topic.replies.length).map(say);
    const reply = (r: string) => `Reply from ${handle(rng)}: ${r}`;
    const shown = [...replies.slice(0, rng.between(2, 3)), ...asides.slice(0, 1)];
    paragraphs = [
      topic.sentences.map(say).join(" "),
      ...rng.sample(shown, shown.length).map(reply),
    ];
    spare = [...asides.slice(1), ...replies.slice(shown.length - 1)].map(reply);
  } else {
    // A few of the topic's sentences and a few general ones, so two pages on one topic
    // share little beyond their opening.
    const [lead = "", ...rest] = topic.sentences;
    const order = rng.sample(rest, rest.length).map(say);
    const shown = rng.between(2, 3);
    const body = rng.sample([...order.slice(0, shown), ...asides.slice(0, 2)], shown + 2);
    paragraphs = paragraphsOf(rng, [say(lead), ...body]);
    spare = [...asides.slice(2), ...order.slice(shown)];
  }
  return {
    source,
    title: say(rng.pick(topic.titles)),
    body: fitBody(paragraphs, () => spare.shift() ?? null),
    publishedAt: publishedBefore(rng, asOf, 1, 720),
    truth: { aboutSellerId: null, relation: "noise", typology: null },
    mentions: null,
  };
}
