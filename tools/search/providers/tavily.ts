// Web search through Tavily's HTTP API (POST /search), behind the SearchProvider
// shape. We call the API with global fetch rather than @langchain/tavily: that
// package turns failures into an `{ error: string }` result (so a bad key looks like
// an empty search) and has no timeout, and investigations must know when search failed.
import { z } from "zod";
import { type SearchOptions, type SearchProvider, SearchProviderError } from "../types.js";
import {
  excerpt,
  fail,
  type HttpSettings,
  parseJson,
  requestWithRetries,
  shapeProblem,
} from "./http.js";
import { toSearchResults } from "./result.js";

const NAME = "tavily";
/** Tavily refuses max_results above 20. */
const MAX_RESULTS = 20;

export interface TavilySettings extends HttpSettings {
  apiKey: string;
  baseUrl?: string;
  now?: () => Date;
}

const TavilyResponse = z.object({
  results: z.array(
    z.object({
      url: z.string().nullish(),
      title: z.string().nullish(),
      content: z.string().nullish(),
      score: z.number().nullish(),
      published_date: z.string().nullish(),
    }),
  ),
});

const TavilyError = z.object({
  detail: z.union([z.object({ error: z.string() }), z.string()]),
});

function errorMessage(status: number, body: string): string {
  const parsed = TavilyError.safeParse(parseJson(body));
  const detail = parsed.success
    ? typeof parsed.data.detail === "string"
      ? parsed.data.detail
      : parsed.data.detail.error
    : excerpt(body);
  return `HTTP ${status}${detail ? `: ${excerpt(detail)}` : ""}`;
}

function read(response: Response, body: string) {
  const { status, headers } = response;
  if (response.ok) {
    const parsed = TavilyResponse.safeParse(parseJson(body));
    if (!parsed.success)
      throw fail("bad_response", `unexpected answer: ${shapeProblem(body, parsed.error)}`, status);
    return parsed.data;
  }
  const message = errorMessage(status, body);
  if (status === 401 || status === 403) throw fail("auth", message, status);
  if (status === 429) throw fail("rate_limited", message, status, { retryable: true, headers });
  // 432 (plan limit) and 433 (pay-as-you-go limit) are quotas that last until the
  // billing period or the plan changes; retrying within seconds only spends the budget.
  if (status === 432 || status === 433) throw fail("rate_limited", message, status);
  if (status >= 500) throw fail("unavailable", message, status, { retryable: true });
  // 400, 422 and anything else we did not expect: the request is what is wrong.
  throw fail("bad_request", message, status);
}

export function createTavilyProvider(settings: TavilySettings): SearchProvider {
  const baseUrl = (settings.baseUrl ?? "https://api.tavily.com").replace(/\/+$/, "");
  const now = settings.now ?? (() => new Date());
  return {
    name: NAME,
    async search(query: string, options: SearchOptions) {
      const limit = Math.min(Math.floor(options.limit), MAX_RESULTS);
      if (!(limit >= 1)) return [];
      // Refused here rather than by Tavily so that a missing key costs no request.
      if (!settings.apiKey) throw new SearchProviderError(NAME, "auth", "no API key set", null);
      if (!query.trim()) throw new SearchProviderError(NAME, "bad_request", "empty query", null);
      const answer = await requestWithRetries(settings, {
        provider: NAME,
        url: `${baseUrl}/search`,
        init: {
          method: "POST",
          headers: {
            Authorization: `Bearer ${settings.apiKey}`,
            "Content-Type": "application/json",
          },
          body: JSON.stringify({
            query,
            max_results: limit,
            search_depth: "basic",
            include_answer: false,
            include_raw_content: false,
          }),
        },
        read,
        signal: options.signal,
      });
      const hits = answer.results.map((r) => ({
        url: r.url,
        title: r.title,
        snippet: r.content,
        score: r.score,
        published: r.published_date,
      }));
      return toSearchResults(NAME, hits, now(), limit);
    },
  };
}
