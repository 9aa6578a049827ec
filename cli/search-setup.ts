// What investigations need for web search: the embedder (with the corpus embedded by
// it — quick when nothing changed, a full pass after a change of model) and the
// configured outside providers. Loaded on first use: the embedder's modules are
// among the heaviest, and most commands never need them.
import type { Env } from "../config/env.js";
import type { Queryable } from "../db/types.js";
import type { SearchProvider } from "../tools/search/types.js";
import type { Embedder } from "../tools/vector/types.js";

export async function prepareSearch(
  db: Queryable,
  env: Env,
): Promise<{ embedder: Embedder; searchProviders: SearchProvider[] }> {
  const [{ embedCorpus }, { embedderFor }, { searchProvidersFor }] = await Promise.all([
    import("../tools/search/index-corpus.js"),
    import("./embedder.js"),
    import("./search-providers.js"),
  ]);
  const embedder = await embedderFor(env);
  await embedCorpus(db, embedder);
  return { embedder, searchProviders: searchProvidersFor(env) };
}
