// The offline web-search agent: the planner's queries (the shop's name, its seller id)
// on the local corpus and any configured provider; every page that names the subject
// exactly becomes web evidence — untrusted text, kept as data, with where and when it
// was found and a hash of what was read.
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { WebTask } from "../../domain/task.js";
import { type Hit, type SearchCall, type SearchContext, searchEverywhere } from "./search.js";

export interface SearchResult {
  evidence: Evidence[];
  calls: number;
  /** Each search as it ran: the query, provider, hits returned, hits kept as evidence. */
  searches: SearchCall[];
}

export function webEvidence(hit: Hit, now: string, claims?: unknown[]): Evidence {
  return makeEvidence(
    {
      kind: "web",
      source: { locator: hit.url, params: [hit.query], via: hit.provider },
      summary: `${hit.provider}: ${hit.title}`,
      data: {
        url: hit.url,
        title: hit.title,
        snippet: hit.text,
        provider: hit.provider,
        rank: hit.rank,
        // An outside provider's fetch time is part of what was read; the local corpus's
        // is not (the same page must be the same evidence on every run).
        ...(hit.retrievedAt ? { retrieved_at: hit.retrievedAt } : {}),
        content_hash: hit.contentHash,
        published_at: hit.publishedAt,
        ...(hit.docId ? { doc_id: hit.docId, chunk_id: hit.chunkId } : {}),
        ...(claims ? { claims } : {}),
      },
      untrusted: true,
    },
    now,
  );
}

export async function searchCorpus(
  ctx: SearchContext,
  task: WebTask,
  names: readonly string[],
  now: () => string,
): Promise<SearchResult> {
  // A call of the budget is one query, asked of every source at once.
  const queries = task.queries.slice(0, task.maxCalls);
  const { kept, calls } = await searchEverywhere(ctx, queries, names);
  const at = now();
  return {
    evidence: kept.map((hit) => webEvidence(hit, at)),
    calls: queries.length,
    searches: calls,
  };
}
