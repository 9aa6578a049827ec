// Runs the web-search agent's queries: the local corpus (hybrid retrieval, always) and
// every configured outside provider, each through the run's recorder. Keeps only what
// names the subject exactly — its shop name or seller id as whole words — so a page
// about a look-alike shop never becomes evidence against this one. A provider that
// fails is reported, not fatal: the others still answer.
//
// The local corpus is our own database: its lookups for all the queries go out at
// once, so their statements overlap and their recordings share writes. Hits are
// still taken query by query in order, so what is kept is what a one-by-one run
// keeps. Outside providers are still asked one query at a time (their rate limits).
import type { Queryable } from "../../db/types.js";
import { hashOf } from "../../domain/canonical-json.js";
import { hybridSearch, namesExactly } from "../../tools/search/hybrid.js";
import type { SearchProvider } from "../../tools/search/types.js";
import type { Embedder } from "../../tools/vector/types.js";

export interface SearchContext {
  corpus: Queryable;
  embedder: Embedder | null;
  providers: readonly SearchProvider[];
}

export interface Hit {
  /** The query that found it. */
  query: string;
  provider: string;
  url: string;
  title: string;
  text: string;
  retrievedAt: string | null;
  contentHash: string | null;
  publishedAt: string | null;
  /** The corpus document and chunk, for local hits. */
  docId: string | null;
  chunkId: string | null;
  rank: number;
}

export interface SearchCall {
  query: string;
  provider: string;
  hits: number;
  kept: number;
  resultHash: string;
  error: string | null;
}

export function namesSubject(text: string, names: readonly string[]): boolean {
  return names.some((name) => namesExactly(text, name));
}

async function localHits(
  ctx: SearchContext,
  query: string,
  names: readonly string[],
): Promise<Hit[]> {
  const hits = await hybridSearch(ctx.corpus, ctx.embedder, query, {
    kind: "web",
    entities: names,
    limit: 10,
  });
  return hits.map((h, i) => ({
    query,
    provider: "local_corpus",
    url: h.url ?? `doc:${h.docId}`,
    title: h.title,
    text: h.text,
    retrievedAt: null,
    contentHash: h.contentHash,
    publishedAt: h.publishedAt,
    docId: h.docId,
    chunkId: h.chunkId,
    rank: i + 1,
  }));
}

async function providerHits(provider: SearchProvider, query: string): Promise<Hit[]> {
  const results = await provider.search(query, { limit: 8 });
  return results.map((r, i) => ({
    query,
    provider: provider.name,
    url: r.url,
    title: r.title,
    text: r.snippet,
    retrievedAt: r.retrievedAt,
    contentHash: r.contentHash,
    publishedAt: r.publishedAt,
    docId: null,
    chunkId: null,
    rank: i + 1,
  }));
}

/** Every query on every source; returns the kept hits (deduplicated by URL and chunk) and the calls. */
export async function searchEverywhere(
  ctx: SearchContext,
  queries: readonly string[],
  names: readonly string[],
): Promise<{ kept: Hit[]; calls: SearchCall[] }> {
  const kept: Hit[] = [];
  const seen = new Set<string>();
  const calls: SearchCall[] = [];
  const local = new Map<string, Promise<Hit[]>>();
  for (const query of queries)
    if (!local.has(query)) {
      const hits = localHits(ctx, query, names);
      hits.catch(() => {}); // awaited (and its error reported) in the loop below
      local.set(query, hits);
    }
  const sources: [string, (q: string) => Promise<Hit[]>][] = [
    ["local_corpus", (q) => local.get(q) as Promise<Hit[]>],
    ...ctx.providers.map((p): [string, (q: string) => Promise<Hit[]>] => [
      p.name,
      (q) => providerHits(p, q),
    ]),
  ];
  for (const query of queries) {
    for (const [provider, run] of sources) {
      let hits: Hit[] = [];
      let error: string | null = null;
      try {
        hits = await run(query);
      } catch (e) {
        error = (e as Error).message;
      }
      const naming = hits.filter((h) => namesSubject(`${h.title}\n${h.text}`, names));
      let added = 0;
      for (const hit of naming) {
        const key = `${hit.url}#${hit.chunkId ?? hit.contentHash ?? ""}`;
        if (seen.has(key)) continue;
        seen.add(key);
        kept.push(hit);
        added++;
      }
      calls.push({
        query,
        provider,
        hits: hits.length,
        kept: added,
        resultHash: hashOf(hits),
        error,
      });
    }
  }
  return { kept, calls };
}
