// What the search benchmark measures per engine, and how it prints it.
import { table, thousands } from "../cli/format.js";
import type { Latency } from "./search-measure.js";

export const RECALL_GOAL = 0.95;

export interface EfRow {
  ef: number;
  /** hnsw.ef_search as read back inside the pass (proof the SET LOCAL took). */
  efSeen: string;
  recall: number;
  vector: Latency;
  /** Measured at the first ef_search and at the recommended one only (see search.ts). */
  hybrid: Latency | null;
  rowsAt50: number;
}

export interface Measurement {
  engine: string;
  chunks: number;
  generateSeconds: number;
  embedPerSecond: number;
  loadSeconds: number;
  indexSeconds: number;
  indexMb: number;
  exact: Latency;
  fts: Latency & { queries: number; matched: number };
  /** hybridSearch with three-word queries (a shop's name), at the recommended ef_search. */
  hybridShort: Latency | null;
  plans: { vector: string; hybridVector: string; exact: string };
  rows: EfRow[];
  peakRssMb: number;
}

/** The smallest ef_search that met the recall goal, if any did. */
export const recommended = (rows: readonly EfRow[]): EfRow | undefined =>
  rows.find((row) => row.recall >= RECALL_GOAL);

const ms = (l: Latency | null, digits: number): [string, string] =>
  l ? [l.p50.toFixed(digits), l.p95.toFixed(digits)] : ["–", "–"];

export function printEngine(r: Measurement): void {
  const headers = ["chunks", "load s", "embed chunks/s", "index s", "ef_search", "recall@10"];
  console.log(`\n${r.engine}`);
  console.log(
    table(
      headers.concat(["vec p50 ms", "vec p95 ms", "hybrid p50 ms", "hybrid p95 ms", "rows@50"]),
      r.rows.map((row, i) => [
        ...(i === 0
          ? [
              thousands(r.chunks),
              r.loadSeconds.toFixed(1),
              thousands(Math.round(r.embedPerSecond)),
              r.indexSeconds.toFixed(1),
            ]
          : ["", "", "", ""]),
        row.ef === Number(row.efSeen) ? row.ef : `${row.ef} (saw ${row.efSeen})`,
        row.recall.toFixed(3),
        ...ms(row.vector, 2),
        ...ms(row.hybrid, 1),
        row.rowsAt50.toFixed(1),
      ]),
    ),
  );
  console.log(
    `peak RSS ${Math.round(r.peakRssMb)} MB · corpus generated in ${r.generateSeconds.toFixed(1)} s · ` +
      `HNSW index ${r.indexMb.toFixed(0)} MB · exact scan p50/p95 ${ms(r.exact, 1).join("/")} ms`,
  );
  console.log(
    `hybrid's any-word full-text fallback alone (${r.fts.queries} sentence queries): p50/p95 ${ms(r.fts, 1).join("/")} ms, ` +
      `${thousands(Math.round(r.fts.matched))} chunks matched per query (mean of 20)`,
  );
  console.log(
    `hybrid with three-word queries (a shop's name) at the recommended ef_search: p50/p95 ${ms(r.hybridShort, 1).join("/")} ms`,
  );
  console.log(`plan, top 10:        ${r.plans.vector}`);
  console.log(`plan, hybrid vector: ${r.plans.hybridVector}`);
  console.log(`plan, exact:         ${r.plans.exact}`);
  const best = recommended(r.rows);
  console.log(
    best
      ? `smallest ef_search with recall@10 ≥ ${RECALL_GOAL}: ${best.ef} (vector p50 ${best.vector.p50.toFixed(2)} ms)`
      : `no ef_search tried reached recall@10 ≥ ${RECALL_GOAL}`,
  );
}
