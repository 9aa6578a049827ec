// Full-text search over the local document corpus (casehound.documents): reports,
// complaints and news the demo world or an operator loaded. Every hit is untrusted
// text. Vector and outside providers come later behind the same result shape.
import type { Queryable } from "../../db/types.js";

export interface SearchHit {
  docId: string;
  url: string | null;
  title: string;
  snippet: string;
  source: string;
  rank: number;
}

/** Plain words only reach the parser: websearch_to_tsquery cannot be injected into. */
export async function searchLocalCorpus(
  db: Queryable,
  query: string,
  limit = 5,
): Promise<SearchHit[]> {
  const text = query.slice(0, 300);
  const { rows } = await db.query<{
    doc_id: string;
    url: string | null;
    title: string;
    snippet: string;
    source: string;
    rank: number;
  }>(
    `SELECT doc_id, url, title, source,
            ts_headline('english', body, q, 'MaxWords=40, MinWords=15') AS snippet,
            ts_rank_cd(tsv, q)::float8 AS rank
       FROM casehound.documents, websearch_to_tsquery('english', $1) q
      WHERE tsv @@ q ORDER BY rank DESC, doc_id LIMIT $2`,
    [text, Math.max(1, Math.min(limit, 20))],
  );
  return rows.map((r) => ({
    docId: r.doc_id,
    url: r.url,
    title: r.title,
    snippet: r.snippet,
    source: r.source,
    rank: r.rank,
  }));
}
