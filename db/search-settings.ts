// Session settings for vector search, applied to every connection. HNSW returns at most
// hnsw.ef_search candidates and its recall rises with it: at 100,000 chunks the
// default (40) gave recall@10 of 0.78, and 800 gave 0.97 at under 2 ms p50 on server
// PostgreSQL (bench/search.ts). A custom setting may be given before the extension
// loads; pgvector adopts it.
export const HNSW_EF_SEARCH = 800;

/** For pg's `options`: applied by the server when each connection starts. */
export const SEARCH_CONNECTION_OPTIONS = `-c hnsw.ef_search=${HNSW_EF_SEARCH}`;

export const SEARCH_SESSION_SQL = `SET hnsw.ef_search = ${HNSW_EF_SEARCH}`;
