// What investigations need for web search: the embedder (with the corpus embedded by
// it — quick when nothing changed, a full pass after a change of model) and the
// configured outside providers.
import type { Env } from "../config/env.js";
import type { Queryable } from "../db/types.js";
import { embedCorpus } from "../tools/search/index-corpus.js";
import type { SearchProvider } from "../tools/search/types.js";
import type { Embedder } from "../tools/vector/types.js";
import { embedderFor } from "./embedder.js";
import { searchProvidersFor } from "./search-providers.js";

export async function prepareSearch(
  db: Queryable,
  env: Env,
): Promise<{ embedder: Embedder; searchProviders: SearchProvider[] }> {
  const embedder = await embedderFor(env);
  await embedCorpus(db, embedder);
  return { embedder, searchProviders: searchProvidersFor(env) };
}
