// One shape for every search provider (Tavily, SearxNG, the local corpus): what a
// result is, how a provider is asked, and how it fails. Every result is text someone
// else wrote, so it is always marked untrusted.
import { z } from "zod";

export const SearchResult = z.object({
  url: z.string(),
  title: z.string(),
  /** The provider's excerpt of the page (or the local chunk's text). */
  snippet: z.string(),
  /** When casehound fetched it (ISO 8601). */
  retrievedAt: z.string(),
  /** sha256 (hex) of url, title and snippet, as retrieved. */
  contentHash: z.string(),
  /** Which provider returned it: "tavily" | "searxng" | "local". */
  provider: z.string(),
  /** The provider's own relevance score, when it gives one. */
  score: z.number().nullable(),
  publishedAt: z.string().nullable(),
  untrusted: z.literal(true),
});
export type SearchResult = z.infer<typeof SearchResult>;

export interface SearchOptions {
  /** At most this many results (providers cap it further). */
  limit: number;
  signal?: AbortSignal;
}

export interface SearchProvider {
  readonly name: string;
  search(query: string, options: SearchOptions): Promise<SearchResult[]>;
}

export type SearchFailureKind =
  | "timeout"
  | "rate_limited"
  | "auth"
  | "bad_request"
  | "unavailable"
  | "bad_response";

/** A provider that could not answer, after its retries, said in one sentence. */
export class SearchProviderError extends Error {
  readonly provider: string;
  readonly kind: SearchFailureKind;
  readonly status: number | null;

  constructor(provider: string, kind: SearchFailureKind, message: string, status: number | null) {
    super(`${provider}: ${message}`);
    this.name = "SearchProviderError";
    this.provider = provider;
    this.kind = kind;
    this.status = status;
  }
}
