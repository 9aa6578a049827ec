// Web search through a SearxNG instance's JSON API (GET /search?format=json), behind
// the SearchProvider shape. SearxNG is a metasearch proxy we (or an operator) host, so
// besides HTTP failures it has two of its own: an instance that does not serve JSON,
// and an answer in which the upstream engines failed rather than found nothing.
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

const NAME = "searxng";

export interface SearxngSettings extends HttpSettings {
  baseUrl: string;
  /** A SearxNG language code ("en", "de-CH"); the instance default when omitted. */
  language?: string;
  /** SearxNG categories ("general", "news"); the instance default when omitted. */
  categories?: string[];
  now?: () => Date;
}

const SearxngResponse = z.object({
  results: z.array(
    z.object({
      url: z.string().nullish(),
      title: z.string().nullish(),
      content: z.string().nullish(),
      score: z.number().nullish(),
      publishedDate: z.string().nullish(),
    }),
  ),
  // Pairs of [engine, reason]; tolerated loosely since only the text is reported.
  unresponsive_engines: z.array(z.array(z.unknown())).default([]),
});

const SearxngError = z.object({ error: z.string() });

function read(response: Response, body: string) {
  const { status, headers } = response;
  if (response.ok) {
    const parsed = SearxngResponse.safeParse(parseJson(body));
    if (!parsed.success)
      throw fail("bad_response", `unexpected answer: ${shapeProblem(body, parsed.error)}`, status);
    const { results, unresponsive_engines: failed } = parsed.data;
    // SearxNG lists the engines that failed but not those that answered with nothing,
    // so "no results and some engines failed" cannot tell an empty web from a broken
    // search. We call it unavailable (and retry it, as engine timeouts and bans are
    // often brief): an investigation must not read "no adverse media" into a search
    // that never ran. With some results, engine failures are tolerated silently.
    if (results.length === 0 && failed.length > 0) {
      const engines = failed.map((pair) => pair.map(String).join(": ")).join("; ");
      throw fail("unavailable", `no results and engines failed: ${excerpt(engines)}`, status, {
        retryable: true,
      });
    }
    return results;
  }
  const json = SearxngError.safeParse(parseJson(body));
  const message = `HTTP ${status}: ${json.success ? excerpt(json.data.error) : excerpt(body)}`;
  // SearxNG answers a format missing from settings.yml with a bare 403 HTML page.
  if (status === 403)
    throw fail(
      "auth",
      `HTTP 403: the instance refused format=json; enable json in settings.yml search.formats`,
      status,
    );
  if (status === 401) throw fail("auth", message, status);
  // The built-in limiter sends a plain-text 429 without Retry-After: backoff decides.
  if (status === 429) throw fail("rate_limited", message, status, { retryable: true, headers });
  if (status >= 500) throw fail("unavailable", message, status, { retryable: true });
  throw fail("bad_request", message, status);
}

export function createSearxngProvider(settings: SearxngSettings): SearchProvider {
  const baseUrl = settings.baseUrl.replace(/\/+$/, "");
  const now = settings.now ?? (() => new Date());
  return {
    name: NAME,
    async search(query: string, options: SearchOptions) {
      const limit = Math.floor(options.limit);
      if (!(limit >= 1)) return [];
      if (!query.trim()) throw new SearchProviderError(NAME, "bad_request", "empty query", null);
      const params = new URLSearchParams({
        q: query,
        format: "json",
        pageno: "1",
        safesearch: "1",
      });
      if (settings.language) params.set("language", settings.language);
      if (settings.categories?.length) params.set("categories", settings.categories.join(","));
      const results = await requestWithRetries(settings, {
        provider: NAME,
        url: `${baseUrl}/search?${params}`,
        init: { method: "GET", headers: { Accept: "application/json" } },
        read,
        signal: options.signal,
      });
      const hits = results.map((r) => ({
        url: r.url,
        title: r.title,
        snippet: r.content,
        score: r.score,
        published: r.publishedDate,
      }));
      return toSearchResults(NAME, hits, now(), limit);
    },
  };
}
