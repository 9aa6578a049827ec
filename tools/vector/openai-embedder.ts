// Embeddings from OpenAI (text-embedding-3-small by default) or any OpenAI-compatible
// embeddings endpoint, through the LangChain client config/models.ts builds. The size
// of the vectors is learnt from the first answer, since compatible servers differ.
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Embedder } from "./types.js";

export async function createOpenAiEmbedder(
  client: EmbeddingsInterface,
  label: string,
): Promise<Embedder> {
  const probe = await client.embedQuery("marketplace seller");
  if (!Array.isArray(probe) || probe.length === 0)
    throw new Error(`the embedding model ${label} returned no vector`);
  const dims = probe.length;
  return {
    model: label,
    dims,
    async embed(texts) {
      const present = texts.map((t) => t.trim().length > 0);
      const vectors = await client.embedDocuments(texts.filter((_, i) => present[i]));
      let next = 0;
      return texts.map((_, i) => {
        if (!present[i]) return null;
        const v = vectors[next++];
        if (!v || v.length !== dims)
          throw new Error(
            `the embedding model ${label} returned a vector of ${v?.length} dims, not ${dims}`,
          );
        return v;
      });
    },
  };
}
