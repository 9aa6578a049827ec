// The demo world's web corpus: pages the web-search agent and `casehound search` query.
// Reports name planted fraud sellers, hard negatives get pages that clear them, decoys
// accuse look-alike names, a few pages carry prompt injection, and noise fills the rest.
// Pure and deterministic: the same seed and sellers give the same pages, byte for byte;
// every part draws from its own forked stream, so adding a page kind reshuffles nothing.
import type { Rng } from "../rng.js";
import { docIdFor } from "./compose.js";
import { decoyPage } from "./decoys.js";
import { reviewBombedThread, viralPage } from "./hard-negatives.js";
import { INJECTIONS, injectionPage } from "./injection.js";
import { lookAlikeName } from "./look-alike.js";
import { NameIndex } from "./names.js";
import { NOISE_TOPICS, noisePage } from "./noise.js";
import type { NoiseTopic } from "./noise-topic.js";
import { reportDraft, reportedSellers, reportSources } from "./reports.js";
import { pageUrl } from "./sites.js";
import type { Corpus, CorpusDocument, CorpusSeller, CorpusTruth, Draft } from "./types.js";

export type { Corpus, CorpusDocument, CorpusSeller, CorpusSource, CorpusTruth } from "./types.js";

export const NOISE_MIN = 60;
export const NOISE_MAX = 120;
const ATTEMPTS = 5;

/**
 * Makes a page, and makes it again (from a fresh stream) while it names a shop it must
 * not; gives up after a few tries, since a page that cannot be written cleanly is
 * better missing than wrong.
 */
function accept(rng: Rng, names: NameIndex, make: (rng: Rng) => Draft): Draft | null {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const draft = make(rng.fork(`attempt:${attempt}`));
    if (draft.mentions !== null && !draft.body.includes(draft.mentions))
      throw new Error(`a page about ${draft.mentions} does not name it`);
    const named = names.mentioned(`${draft.title}\n${draft.body}`);
    if (named.every((name) => name === draft.mentions)) return draft;
  }
  return null;
}

function finalise(rng: Rng, drafts: readonly Draft[]): Corpus {
  const urls = new Set<string>();
  const ids = new Set<string>();
  const pages = drafts.map((draft) => {
    const base = pageUrl(rng, draft.source, draft.title, draft.publishedAt);
    let url = base;
    for (let n = 2; urls.has(url); n++) url = `${base}-${n}`;
    urls.add(url);
    let docId = docIdFor(url, draft.title, draft.body);
    for (let n = 2; ids.has(docId); n++) docId = docIdFor(`${url}#${n}`, draft.title, draft.body);
    ids.add(docId);
    const document: CorpusDocument = {
      docId,
      url,
      title: draft.title,
      body: draft.body,
      source: draft.source,
      publishedAt: draft.publishedAt,
    };
    return { document, truth: { docId, ...draft.truth } as CorpusTruth };
  });
  // Ordered as a crawl would list them, so the order says nothing about the truth.
  // Plain code-unit order, not localeCompare: the order must not depend on the locale.
  const key = (p: (typeof pages)[number]) => `${p.document.publishedAt} ${p.document.docId}`;
  pages.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { documents: pages.map((p) => p.document), truth: pages.map((p) => p.truth) };
}

export function generateCorpus(
  rng: Rng,
  sellers: readonly CorpusSeller[],
  allShopNames: ReadonlySet<string>,
  asOf: number,
  options: { injection?: boolean } = {},
): Corpus {
  const names = new NameIndex(allShopNames);
  const drafts: Draft[] = [];
  const keep = (label: string, make: (rng: Rng) => Draft) => {
    const draft = accept(rng.fork(label), names, make);
    if (draft) drafts.push(draft);
  };

  const reported = reportedSellers(rng.fork("reported"), sellers);
  for (const seller of reported) {
    const sources = reportSources(rng.fork(`sources:${seller.id}`), seller);
    sources.forEach((source, i) => {
      keep(`report:${seller.id}:${i}`, (r) => reportDraft(r, seller, source, asOf));
    });
  }

  const primaries = sellers.filter((s) => (s.role ?? "primary") === "primary");
  const viral = primaries.filter((s) => s.kind === "viral_seller");
  const bombed = primaries.filter((s) => s.kind === "review_bombed");
  for (const seller of viral) {
    const count = rng.fork(`viral-count:${seller.id}`).between(1, 2);
    for (let i = 0; i < count; i++)
      keep(`viral:${seller.id}:${i}`, (r) => viralPage(r, seller, asOf));
  }
  for (const seller of bombed)
    keep(`bombed:${seller.id}`, (r) => reviewBombedThread(r, seller, asOf));

  const written = [...reported, ...viral, ...bombed];
  const decoyRng = rng.fork("decoys");
  for (const real of decoyRng.sample(written, Math.ceil(written.length / 2))) {
    const lookAlike = lookAlikeName(rng.fork(`look-alike:${real.id}`), real.shopName, names);
    if (lookAlike) keep(`decoy:${real.id}`, (r) => decoyPage(r, real, lookAlike, asOf));
  }

  const injectionRng = rng.fork("injection");
  // Only shops the web already reports on: a manipulator answers existing complaints.
  // Without injection (a control world), the other pages stay exactly the same: every
  // kind of page draws from its own stream.
  const targets =
    options.injection === false ? [] : injectionRng.sample(reported, injectionRng.between(2, 3));
  const variants = injectionRng.sample(
    INJECTIONS.map((_, i) => i),
    targets.length,
  );
  targets.forEach((seller, i) => {
    keep(`injection:${seller.id}`, (r) => injectionPage(r, seller, variants[i] ?? 0, asOf));
  });

  const noise = Math.min(NOISE_MAX, Math.max(NOISE_MIN, Math.round(sellers.length / 4)));
  const topics = rng.fork("noise-topics").sample(NOISE_TOPICS, NOISE_TOPICS.length);
  for (let i = 0; i < noise; i++) {
    const topic = topics[i % topics.length] as NoiseTopic;
    keep(`noise:${i}`, (r) => noisePage(r, topic, asOf));
  }

  return finalise(rng.fork("urls"), drafts);
}
