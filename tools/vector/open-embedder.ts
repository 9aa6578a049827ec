// The embedder a process uses: the configured embedding model (OpenAI or any
// compatible endpoint) when there is one, else the local word vectors from their
// compact cache under the data directory.

import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { createLocalEmbedder } from "./local-embedder.js";
import { createOpenAiEmbedder } from "./openai-embedder.js";
import type { Embedder } from "./types.js";
import { loadWinkVectors } from "./wink-cache.js";

export async function openEmbedder(options: {
  /** Tried in order: the shared cache directory, then the data directory's own. */
  cacheDirs: readonly string[];
  client: EmbeddingsInterface | null;
  label: string | null;
}): Promise<Embedder> {
  if (options.client && options.label) return createOpenAiEmbedder(options.client, options.label);
  let failure: unknown;
  for (const dir of options.cacheDirs) {
    try {
      return createLocalEmbedder(await loadWinkVectors(dir));
    } catch (error) {
      // Only a directory that cannot be written sends us to the next one.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EACCES" && code !== "EROFS" && code !== "EPERM") throw error;
      failure = error;
    }
  }
  throw failure ?? new Error("no cache directory for the word vectors");
}
