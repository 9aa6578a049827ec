// The outside web-search providers the environment configures (none: the local corpus
// alone).
import type { Env } from "../config/env.js";
import { createSearxngProvider } from "../tools/search/providers/searxng.js";
import { createTavilyProvider } from "../tools/search/providers/tavily.js";
import type { SearchProvider } from "../tools/search/types.js";

export function searchProvidersFor(env: Env): SearchProvider[] {
  const http = {
    timeoutMs: env.CASEHOUND_SEARCH_TIMEOUT_MS,
    retries: env.CASEHOUND_SEARCH_RETRIES,
  };
  const providers: SearchProvider[] = [];
  if (env.TAVILY_API_KEY)
    providers.push(
      createTavilyProvider({ ...http, apiKey: env.TAVILY_API_KEY, baseUrl: env.TAVILY_BASE_URL }),
    );
  if (env.SEARXNG_URL) providers.push(createSearxngProvider({ ...http, baseUrl: env.SEARXNG_URL }));
  return providers;
}
