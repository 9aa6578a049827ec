// Writes one page about a shop accused of a typology, in the manner of its source: a
// news piece, a forum thread, a scam-report form, a blog post or a review-site page.
// The typology supplies what was seen; the frame supplies how such a page talks.
import type { Rng } from "../rng.js";
import { capitalise, fill, fitBody, type Vars } from "./compose.js";
import * as W from "./frame-words.js";
import type { CorpusSource } from "./types.js";
import type { TypologyText } from "./typologies/index.js";
import {
  categoryLabel,
  categoryNoun,
  cityIn,
  countryName,
  HOT_ITEMS,
  handle,
  personName,
  withArticle,
} from "./world-words.js";

export interface ReportSubject {
  name: string;
  /** Written into some pages; null for a shop that is not on the marketplace. */
  sellerId: string | null;
  country: string;
  category: string;
  intensity: "blatant" | "subtle";
}

interface Frame {
  rng: Rng;
  text: TypologyText;
  subject: ReportSubject;
  vars: Vars;
  /** Fills and capitalises one template. */
  say(template: string): string;
  /** Fills `k` distinct templates. */
  some(templates: readonly string[], k: number): string[];
  /** Unused observations and context, for pages that come out short. */
  more(): string | null;
}

function frame(rng: Rng, text: TypologyText, subject: ReportSubject): Frame {
  const vars: Vars = {
    shop: subject.name,
    country: countryName(subject.country),
    city: cityIn(rng, subject.country),
    category: categoryLabel(subject.category),
    a_category: withArticle(categoryLabel(subject.category)),
    noun: (r) => categoryNoun(r, subject.category),
    hot: rng.pick(HOT_ITEMS),
    many: rng.pick(W.MANY[subject.intensity]),
    span: rng.pick(W.SPAN[subject.intensity]),
    person: (r) => personName(r),
    keyword: (r) => r.pick(text.keywords),
    label: text.label,
    score: `${rng.between(10, 24) / 10}`,
    count: `${rng.between(6, 140)}`,
  };
  const say = (t: string) => capitalise(fill(rng, t, vars));
  const spare = rng.sample([...text.observations, ...text.followUps], 6);
  return {
    rng,
    text,
    subject,
    vars,
    say,
    some: (templates, k) => rng.sample(templates, k).map(say),
    more: () => {
      const next = spare.pop();
      return next === undefined ? null : say(next);
    },
  };
}

function idSentence(f: Frame, templates: readonly string[]): string {
  const id = f.subject.sellerId;
  return id !== null && f.rng.chance(0.4) ? f.rng.pick(templates).replace("{id}", id) : "";
}

function news(f: Frame): { title: string; paragraphs: string[] } {
  const obs = f.some(f.text.observations, 4);
  const quote = `${f.say(f.rng.pick(W.ATTRIBUTIONS))} "${f.say(f.rng.pick(f.text.quotes))}"`;
  return {
    title: f.say(f.rng.pick(f.text.titles)),
    paragraphs: [
      `${f.say(f.rng.pick(f.text.leads))} ${f.rng.chance(0.5) ? obs[0] : ""}`.trim(),
      `${obs[1]} ${obs[2]}`,
      quote,
      `${obs[3]} ${f.say(f.rng.pick(f.text.followUps))}`,
      f.subject.intensity === "subtle" ? f.say(f.rng.pick(W.HEDGES)) : "",
      `${idSentence(f, ["The shop trades on the marketplace under seller ID {id}."])} ${f.say(f.rng.pick(W.NEWS_CLOSERS))}`.trim(),
    ],
  };
}

function forum(f: Frame): { title: string; paragraphs: string[] } {
  const quotes = f.some(f.text.quotes, 3);
  const replies = quotes
    .slice(1, 1 + f.rng.between(1, 2))
    .map((q) => `Reply from ${handle(f.rng)}: ${q}`);
  replies.push(`Reply from ${handle(f.rng)}: ${f.say(f.rng.pick(f.text.followUps))}`);
  return {
    title: f.say(f.rng.pick(W.FORUM_TITLES)),
    paragraphs: [
      `${f.say(f.rng.pick(W.FORUM_OPENERS))} ${f.say(f.rng.pick(f.text.leads))} ${quotes[0]}`,
      `${f.rng.pick(W.FORUM_NOTICED)} ${f.some(f.text.observations, 2).join(" ")}`,
      idSentence(f, ["Their seller ID is {id}, in case a mod wants to pass it on."]),
      ...replies,
    ],
  };
}

function scamReport(f: Frame): { title: string; paragraphs: string[] } {
  const id = f.subject.sellerId ?? "not given";
  const header = [
    `Reported business: ${f.subject.name}`,
    `Marketplace seller ID: ${f.rng.chance(0.6) ? id : "not given"}`,
    `Category: ${f.vars.category}`,
    `Country: ${f.vars.country}`,
    `Problem type: ${f.text.label}`,
  ].join("\n");
  return {
    title: f.say(f.rng.pick(W.SCAM_TITLES)),
    paragraphs: [
      header,
      `What happened: ${f.say(f.rng.pick(f.text.leads))} ${f.say(f.rng.pick(f.text.quotes))}`,
      `Details: ${f.some(f.text.observations, 3).join(" ")}`,
      f.say(f.rng.pick(W.SCAM_STATUSES)),
    ],
  };
}

function blog(f: Frame): { title: string; paragraphs: string[] } {
  const obs = f.some(f.text.observations, 4);
  const title = f.rng.chance(0.5) ? f.rng.pick(f.text.titles) : f.rng.pick(W.BLOG_TITLES);
  return {
    title: f.say(title),
    paragraphs: [
      `${f.say(f.rng.pick(W.BLOG_OPENERS))} ${f.say(f.rng.pick(f.text.leads))}`,
      `${obs[0]} ${obs[1]}`,
      `${obs[2]} ${obs[3]}`,
      f.some(f.text.followUps, 2).join(" "),
      `${idSentence(f, ["For anyone checking: the seller ID is {id}."])} ${f.say(f.rng.pick(W.BLOG_CLOSERS))}`.trim(),
    ],
  };
}

function reviewSite(f: Frame): { title: string; paragraphs: string[] } {
  const reviews = f.some(f.text.quotes, f.rng.between(3, 4)).map((q) => {
    const stars = f.rng.weighted([
      ["1/5", 6],
      ["2/5", 2],
    ] as const);
    return `${stars} - ${handle(f.rng)}, ${cityIn(f.rng, f.subject.country)}: ${q}`;
  });
  return {
    title: f.say(f.rng.pick(W.REVIEW_TITLES)),
    paragraphs: [
      `${f.say(f.rng.pick(W.REVIEW_SUMMARIES))} ${f.say(f.rng.pick(f.text.leads))}`,
      ...reviews,
      f.say(f.rng.pick(W.REVIEW_FOOTERS)),
    ],
  };
}

const FRAMES: Record<CorpusSource, (f: Frame) => { title: string; paragraphs: string[] }> = {
  news,
  forum,
  scam_report: scamReport,
  blog,
  review_site: reviewSite,
};

/** A page of `source` about `subject`, accused of the typology `text` describes. */
export function reportPage(
  rng: Rng,
  source: CorpusSource,
  text: TypologyText,
  subject: ReportSubject,
): { title: string; body: string } {
  const f = frame(rng, text, subject);
  const { title, paragraphs } = FRAMES[source](f);
  return { title, body: fitBody(paragraphs, f.more) };
}
