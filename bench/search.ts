// Benchmark: retrieval at scale, on embedded PGlite and server PostgreSQL. Loads a
// synthetic corpus (default 100,000 chunks of real English words) embedded by the
// local embedder with the HNSW index dropped, builds the index after (load first,
// index after), then times 200 queries: top-10 through the index at several
// hnsw.ef_search values with recall@10 against an exact scan, and full hybridSearch.
// Hybrid latency is all but independent of ef_search (its full-text half dominates),
// so it is timed at the first ef_search and the recommended one only: that keeps a
// full run near 15 minutes on two cores.
// Goal: recall@10 ≥ 0.95 at p50 ≤ 20 ms on server PostgreSQL.
//
//   npx tsx bench/search.ts                       # 100,000 chunks, ef_search 40..800
//   npx tsx bench/search.ts --chunks 20000 --queries 100 --ef 40,80
import { tmpdir } from "node:os";
import { join } from "node:path";
import { thousands } from "../cli/format.js";
import { ensureVectorIndex, saveDocuments, vectorLiteral } from "../db/repositories/documents.js";
import { createLocalEmbedder } from "../tools/vector/local-embedder.js";
import { ensureWinkCache, loadWinkVectors, winkCachePath } from "../tools/vector/wink-cache.js";
import { benchArgs, runPerEngine, withBenchDatabase } from "./harness.js";
import { cacheWords, generateCorpus, sampleQueries } from "./search-corpus.js";
import {
  DIMS,
  ftsPass,
  hybridPass,
  hybridVectorSql,
  INDEX,
  MODEL,
  planOf,
  recallAt10,
  vectorPass,
  vectorSql,
} from "./search-measure.js";
import { type EfRow, type Measurement, printEngine, recommended } from "./search-report.js";

const { flag, serverUrl, childEngine } = benchArgs();
const chunkCount = Number(flag("--chunks") ?? 100_000);
const queryCount = Number(flag("--queries") ?? 200);
const efs = (flag("--ef") ?? "40,100,200,400,800").split(",").map(Number);
const cacheDir = flag("--cache-dir") ?? join(tmpdir(), "casehound-bench-wink");
if (![chunkCount, queryCount, ...efs].every((n) => Number.isInteger(n) && n > 0)) {
  console.error(
    "usage: bench/search.ts [--chunks N] [--queries N] [--ef 40,100,200,400,800] [--cache-dir D]",
  );
  process.exit(2);
}
const seconds = (since: number) => (performance.now() - since) / 1000;

if (childEngine) {
  const log = (line: string) => console.error(`[${childEngine}] ${line}`);
  const wordVectors = await loadWinkVectors(cacheDir);
  const embedder = createLocalEmbedder(wordVectors);
  const words = cacheWords(winkCachePath(cacheDir));
  const measurement = await withBenchDatabase(childEngine, serverUrl, async (db) => {
    let t = performance.now();
    const { docs, chunks } = generateCorpus(words, wordVectors, chunkCount);
    const generateSeconds = seconds(t);
    t = performance.now();
    const vectors = await embedder.embed(chunks.map((c) => `${c.heading}\n${c.body}`));
    const embedPerSecond = chunks.length / seconds(t);
    chunks.forEach((c, i) => {
      c.embedding = vectors[i] ?? null;
    });
    log(
      `${thousands(chunks.length)} chunks generated and embedded (${embedPerSecond.toFixed(0)}/s)`,
    );

    await db.exec(`DROP INDEX IF EXISTS casehound.${INDEX}`);
    t = performance.now();
    for (let i = 0; i < docs.length; i += 1000)
      await saveDocuments(db, docs.slice(i, i + 1000), chunks.slice(i * 5, (i + 1000) * 5), MODEL);
    await db.exec("ANALYZE casehound.documents; ANALYZE casehound.chunks;");
    const loadSeconds = seconds(t);
    log(`loaded in ${loadSeconds.toFixed(1)} s; building the HNSW index`);
    t = performance.now();
    await ensureVectorIndex(db, MODEL, DIMS);
    const indexSeconds = seconds(t);
    const size = await db.query<{ bytes: number }>(
      `SELECT pg_relation_size('casehound.${INDEX}')::int8 AS bytes`,
    );
    log(`index built in ${indexSeconds.toFixed(1)} s; querying`);

    const queries = sampleQueries(chunks, queryCount);
    const qvecs = (await embedder.embed(queries)).map((v) => vectorLiteral(v ?? []));
    const first = qvecs[0] as string;
    const exactOnly = ["SET LOCAL enable_indexscan = off"];
    const plans = {
      vector: await planOf(db, [], vectorSql(10), [first]),
      hybridVector: await planOf(db, [], hybridVectorSql, [first, 50, null]),
      exact: await planOf(db, exactOnly, vectorSql(10), [first]),
    };
    await vectorPass(db, [], qvecs); // warm-up: the index and heap into cache
    const exact = await vectorPass(db, exactOnly, qvecs);
    const fts = await ftsPass(db, queries.slice(0, 50)); // also warms the full-text index
    const efSetting = (ef: number) => [`SET LOCAL hnsw.ef_search = ${ef}`];
    const rows: EfRow[] = [];
    for (const ef of efs) {
      const vector = await vectorPass(db, efSetting(ef), qvecs);
      const recall = recallAt10(vector.ids, exact.ids);
      rows.push({
        ef,
        efSeen: vector.efSeen,
        recall,
        vector,
        hybrid: null,
        rowsAt50: vector.rowsAt50,
      });
      log(`ef_search ${ef}: recall ${recall.toFixed(3)}`);
    }
    for (const row of new Set([rows[0], recommended(rows) ?? rows.at(-1)])) {
      if (!row) continue;
      row.hybrid = await hybridPass(db, efSetting(row.ef), embedder, queries);
      log(
        `hybrid at ef_search ${row.ef}: p50 ${row.hybrid.p50.toFixed(0)} ms (${seconds(t).toFixed(0)} s since the index build began)`,
      );
    }
    // What the web-search agent mostly asks: a shop's name, a few words.
    const short = queries.map((q) => q.split(/\s+/).slice(0, 3).join(" "));
    const best = recommended(rows) ?? rows.at(-1);
    const hybridShort = best ? await hybridPass(db, efSetting(best.ef), embedder, short) : null;
    return {
      engine: childEngine,
      chunks: chunks.length,
      generateSeconds,
      embedPerSecond,
      loadSeconds,
      indexSeconds,
      indexMb: Number(size.rows[0]?.bytes ?? 0) / 2 ** 20,
      exact: { p50: exact.p50, p95: exact.p95 },
      fts,
      hybridShort,
      plans,
      rows,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  });
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
} else {
  const began = performance.now();
  await ensureWinkCache(cacheDir); // built once here, not inside a timed child
  const args = ["--chunks", String(chunkCount), "--queries", String(queryCount)];
  const results = runPerEngine<Measurement>(import.meta.url, serverUrl, [
    ...args,
    ...["--ef", efs.join(","), "--cache-dir", cacheDir],
  ]);
  console.log(`search retrieval, ${queryCount} queries, top 10, ${new Date().toISOString()}`);
  for (const r of results) printEngine(r);
  console.log(
    "\nef_search: SET LOCAL in one transaction per pass (read back inside it); exact: " +
      "SET LOCAL enable_indexscan = off. rows@50: mean rows the vector query returns at " +
      "LIMIT 50 (hybridSearch's candidate count). hybrid –: not timed at that ef_search.",
  );
  console.log(`whole run ${(seconds(began) / 60).toFixed(1)} min`);
  if (!serverUrl)
    console.log("(set DATABASE_URL or TEST_DATABASE_URL to measure server PostgreSQL too)");
}
