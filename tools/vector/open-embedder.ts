// The embedder a process uses: the configured embedding model (OpenAI or any
// compatible endpoint) when there is one, else the local word vectors from their
// compact cache under the data directory.

import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { createLocalEmbedder } from "./local-embedder.js";
import { createOpenAiEmbedder } from "./openai-embedder.js";
import type { Embedder } from "./types.js";
import { loadWinkVectors } from "./wink-cache.js";

export async function openEmbedder(options: {
  dataDir: string;
  client: EmbeddingsInterface | null;
  label: string | null;
}): Promise<Embedder> {
  if (options.client && options.label) return createOpenAiEmbedder(options.client, options.label);
  return createLocalEmbedder(await loadWinkVectors(join(options.dataDir, "cache")));
}
