// Similar-seller search: the sellers whose risk profile (indicator percentiles
// among category peers, stored with each baseline snapshot) lies nearest this
// seller's, with their past verdicts from the case store. The answer carries the
// queries it ran, text and parameters, so it can become evidence as it is.
import { readSellerProfile } from "../../db/repositories/seller-profiles.js";
import {
  PAST_VERDICTS_SQL,
  type PastVerdict,
  pastVerdicts,
} from "../../db/repositories/seller-verdicts.js";
import type { Database } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import {
  DEFAULT_EF_SEARCH,
  EXACT_SQL,
  HNSW_SQL,
  hnswSettings,
  runSearch,
  type SearchMethod,
} from "./search-sql.js";
import { profiledSnapshot } from "./snapshot.js";

export { type Ranked, recallAtK } from "./recall.js";
export { DEFAULT_EF_SEARCH, type SearchMethod } from "./search-sql.js";

export const MAX_K = 100;

export interface SimilarOptions {
  /** The instant to look from (ISO): the newest profiled snapshot at or before it is used. */
  asOf: string;
  /** How many neighbours (1..MAX_K; default 10). */
  k?: number;
  /** hnsw (the index, the default) or exact (every profile measured). */
  method?: SearchMethod;
  efSearch?: number;
  freshnessHours?: number;
  /** Only past verdicts (and reviews) made by this instant; unset: all of them. */
  verdictsBy?: string;
}

export interface SimilarSeller {
  sellerId: string;
  category: string;
  /** Euclidean distance between the two profiles (percentile units, 0..√33). */
  distance: number;
  /** Its decided cases, newest first. */
  verdicts: PastVerdict[];
}

/** One query the answer rests on, as an evidence source records it. */
export interface QueryRecord {
  sql: string;
  params: unknown[];
  settings?: Record<string, string>;
}

export interface SimilarSellersAnswer {
  sellerId: string;
  category: string;
  snapshot: { id: string; asOf: string };
  method: SearchMethod;
  k: number;
  /** The seller's own profile: one percentile per catalogued indicator. */
  profile: number[];
  neighbours: SimilarSeller[];
  queries: { neighbours: QueryRecord; verdicts: QueryRecord };
}

export function checkK(k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > MAX_K)
    throw new AppError("bad_argument", `k must be a whole number from 1 to ${MAX_K}, not ${k}`);
  return k;
}

export async function similarSellers(
  db: Database,
  sellerId: string,
  options: SimilarOptions,
): Promise<SimilarSellersAnswer> {
  const k = checkK(options.k ?? 10);
  const method = options.method ?? "hnsw";
  const snapshot = await profiledSnapshot(db, options.asOf, options.freshnessHours);
  const own = await readSellerProfile(db, snapshot.id, sellerId);
  if (!own)
    throw new AppError(
      "not_found",
      `no seller ${sellerId} in baseline snapshot ${snapshot.id} (as of ${snapshot.as_of})`,
    );
  const params = [snapshot.id, `[${own.profile.join(",")}]`, sellerId, k];
  const neighbourQuery: QueryRecord =
    method === "hnsw"
      ? {
          sql: HNSW_SQL,
          params,
          settings: hnswSettings(options.efSearch ?? DEFAULT_EF_SEARCH),
        }
      : { sql: EXACT_SQL, params };
  const rows = await runSearch(db, neighbourQuery.sql, params, neighbourQuery.settings ?? {});
  rows.sort((a, b) => a.distance - b.distance || a.seller_id.localeCompare(b.seller_id));
  const ids = rows.map((r) => r.seller_id);
  const verdictsBy = options.verdictsBy ?? null;
  const verdicts = await pastVerdicts(db, ids, verdictsBy);
  return {
    sellerId,
    category: own.category,
    snapshot: { id: snapshot.id, asOf: snapshot.as_of },
    method,
    k,
    profile: own.profile,
    neighbours: rows.map((r) => ({
      sellerId: r.seller_id,
      category: r.category,
      distance: r.distance,
      verdicts: verdicts.filter((v) => v.sellerId === r.seller_id),
    })),
    queries: {
      neighbours: neighbourQuery,
      verdicts: { sql: PAST_VERDICTS_SQL, params: [ids, verdictsBy] },
    },
  };
}

/** The same search measuring every profile: the reference for recall, and for tests. */
export function exactSimilarSellers(
  db: Database,
  sellerId: string,
  options: Omit<SimilarOptions, "method" | "efSearch">,
): Promise<SimilarSellersAnswer> {
  return similarSellers(db, sellerId, { ...options, method: "exact" });
}
