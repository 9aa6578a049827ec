// The tools a run may use, seen through its recorder: a read-only query interface
// (the warehouse, the document corpus) and the baseline comparisons. Nodes cannot
// tell a live run from a replay; the recorder decides where answers come from.

import { priorWeights } from "../agents/reasoning/weights.js";
import type { Database, Queryable, QueryResult } from "../db/types.js";
import { isAppError } from "../domain/errors.js";
import type { ModelWeights } from "../domain/weights.js";
import type { BaselineCache } from "../tools/indicators/baselines.js";
import type { DegreeProfile } from "../tools/links/types.js";
import {
  type SearchProvider,
  SearchProviderError,
  type SearchResult,
} from "../tools/search/types.js";
import { type SimilarSellersAnswer, similarSellers } from "../tools/similar/index.js";
import type { Embedder } from "../tools/vector/types.js";
import type { Recorder } from "./recorder.js";

export function recordedQueries(db: Queryable, tool: string, recorder: Recorder): Queryable {
  return {
    query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      return recorder.observe(tool, { sql, params }, async () => {
        const { rows, rowCount } = await db.query<Row>(sql, params);
        return { rows, rowCount };
      });
    },
    async exec() {
      throw new Error(`${tool} is read-only during an investigation`);
    },
  };
}

/**
 * The reasoner's weights seen through the recorder, so a replay or a resumed run
 * decides with the weights the run started with, whatever ships now. A run recorded
 * before weights were recorded was decided with the hand-set prior.
 */
export function recordedWeights(
  weights: ModelWeights,
  recorder: Recorder,
): () => Promise<ModelWeights> {
  return async () => {
    try {
      return await recorder.observe("weights", { format: weights.format }, async () => weights);
    } catch (error) {
      if (recorder.replaying && isAppError(error, "replay_diverged")) return priorWeights();
      throw error;
    }
  };
}

/**
 * Comparisons through the recorder. The answer carries the baseline snapshot it came
 * from (id and as-of), so a replay names the same snapshot without reading it; the
 * request stays (indicator, category, value), so runs recorded before snapshots
 * existed still replay.
 */
export function recordedBaselines(cache: BaselineCache, recorder: Recorder): BaselineCache {
  return {
    compare(definition, category, value) {
      return recorder.observe("baseline", { indicator: definition.id, category, value }, () =>
        cache.compare(definition, category, value),
      );
    },
  };
}

/**
 * The degree profile hubs are judged against, through the recorder: a replay judges
 * with the profile the run saw, without reading the warehouse.
 */
export function recordedLinkProfile(
  profile: (asOf: string) => Promise<DegreeProfile>,
  recorder: Recorder,
): (asOf: string) => Promise<DegreeProfile> {
  return (asOf) => recorder.observe("link_profile", { asOf }, () => profile(asOf));
}

/**
 * Similar-seller search seen through the recorder: a replay gets the neighbours the
 * run got (the index search is approximate, and past verdicts change). No profiled
 * snapshot holding the seller is an answer too (null), not a failure.
 */
export function recordedSimilarSellers(
  app: Database,
  recorder: Recorder,
  options: {
    freshnessHours?: number | undefined;
    /** Resolves the case's own baseline snapshot first (computing it if none exists), so
     *  the search reads that snapshot's profiles whether it ran before or after the
     *  indicators that would otherwise have computed it. */
    caseSnapshot: () => Promise<unknown>;
  },
): (sellerId: string, asOf: string) => Promise<SimilarSellersAnswer | null> {
  const { freshnessHours } = options;
  return (sellerId, asOf) =>
    recorder.observe("similar_sellers", { sellerId, asOf }, async () => {
      // A snapshot that cannot be had fails the indicators, not this: then there is none.
      await options.caseSnapshot().catch(() => undefined);
      try {
        return await similarSellers(app, sellerId, {
          asOf,
          k: 10,
          // What was decided after the case's as-of is not known from there (and would
          // make a resumed run see other verdicts than its first attempt).
          verdictsBy: asOf,
          ...(freshnessHours === undefined ? {} : { freshnessHours }),
        });
      } catch (error) {
        if (isAppError(error, "conflict") || isAppError(error, "not_found")) return null;
        throw error;
      }
    });
}

/** An embedder seen through the recorder; a replay gives only the model's name and size. */
export function recordedEmbedder(
  embedder: Embedder | { model: string; dims: number },
  recorder: Recorder,
): Embedder {
  return {
    model: embedder.model,
    dims: embedder.dims,
    embed(texts) {
      return recorder.observe("embedding", { model: embedder.model, texts }, () => {
        if (!("embed" in embedder)) throw new Error(`no ${embedder.model} embedder in a replay`);
        return embedder.embed(texts);
      });
    },
  };
}

type Answered =
  | { ok: true; results: SearchResult[] }
  | { ok: false; kind: string; message: string };

/**
 * A search provider seen through the recorder. A failure is recorded as an answer too,
 * so a resumed or replayed run meets the same failure instead of asking again.
 */
export function recordedProvider(provider: SearchProvider, recorder: Recorder): SearchProvider {
  return {
    name: provider.name,
    async search(query, options) {
      const answer = await recorder.observe<Answered>(
        `search:${provider.name}`,
        { query, limit: options.limit },
        async () => {
          try {
            return { ok: true, results: await provider.search(query, options) };
          } catch (error) {
            if (options.signal?.aborted) throw error;
            const kind = error instanceof SearchProviderError ? error.kind : "unavailable";
            return { ok: false, kind, message: (error as Error).message };
          }
        },
      );
      if (answer.ok) return answer.results;
      throw new SearchProviderError(provider.name, answer.kind as never, answer.message, null);
    },
  };
}
