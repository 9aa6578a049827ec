// The embedder for CLI commands, from the environment.

import { join } from "node:path";
import type { Env } from "../config/env.js";
import { createEmbeddings, modelConfig } from "../config/models.js";
import { openEmbedder } from "../tools/vector/open-embedder.js";
import type { Embedder } from "../tools/vector/types.js";

export function embedderFor(env: Env): Promise<Embedder> {
  const config = modelConfig(env);
  return openEmbedder({
    cacheDirs: [env.CASEHOUND_CACHE_DIR, join(env.CASEHOUND_DATA_DIR, "cache")],
    client: createEmbeddings(config),
    label: config.embedding?.label ?? null,
  });
}
