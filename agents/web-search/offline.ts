// The offline web-search agent: looks the shop up in the local document corpus by
// name and id. Everything it returns is untrusted text, kept as data. Hits must
// name the shop itself, so a report about a look-alike shop is not evidence
// against this one.

import type { Queryable } from "../../db/types.js";
import { hashOf } from "../../domain/canonical-json.js";
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { WebTask } from "../../domain/task.js";
import { searchLocalCorpus } from "../../tools/search/local-corpus.js";

export interface SearchResult {
  evidence: Evidence[];
  calls: number;
  /** Each search as it ran: the query, hits returned, hits kept as evidence. */
  searches: { query: string; hits: number; kept: number; resultHash: string }[];
}

function namesSubject(text: string, names: readonly string[]): boolean {
  const haystack = text.toLowerCase();
  return names.some((name) => name.length > 0 && haystack.includes(name.toLowerCase()));
}

export async function searchCorpus(
  db: Queryable,
  task: WebTask,
  names: readonly string[],
  now: () => string,
): Promise<SearchResult> {
  const result: SearchResult = { evidence: [], calls: 0, searches: [] };
  for (const query of task.queries.slice(0, task.maxCalls)) {
    const hits = await searchLocalCorpus(db, query);
    result.calls++;
    const kept = hits.filter((hit) => namesSubject(`${hit.title} ${hit.snippet}`, names));
    result.searches.push({ query, hits: hits.length, kept: kept.length, resultHash: hashOf(hits) });
    for (const hit of kept) {
      result.evidence.push(
        makeEvidence(
          {
            kind: "web",
            source: {
              locator: hit.url ?? `doc:${hit.docId}`,
              params: [query],
              via: "local_corpus",
            },
            summary: `${hit.source}: ${hit.title}`,
            data: { doc_id: hit.docId, title: hit.title, snippet: hit.snippet, rank: hit.rank },
            untrusted: true,
          },
          now(),
        ),
      );
    }
  }
  return result;
}
