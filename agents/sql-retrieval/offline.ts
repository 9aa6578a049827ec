// The offline SQL-retrieval agent: reads the catalogued indicators a task names,
// within the task's query quota, and returns readings and evidence.
//
// When the quota cannot run out (at most two queries an indicator), the readings are
// taken concurrently: each is independent of the others, and the results are put
// together in the task's order, so the readings, evidence and calls are the ones a
// one-at-a-time run gives. Concurrent readings also let their recordings be written
// together (db/group-commit.ts) and their queries overlap on the pool's connections.

import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { SqlTask } from "../../domain/task.js";
import { indicatorById } from "../../tools/indicators/catalog/index.js";
import {
  type ReadContext,
  type ReadResult,
  readIndicator,
  type SqlCall,
} from "../../tools/indicators/read.js";

export interface RetrievalResult {
  evidence: Evidence[];
  readings: IndicatorReading[];
  queries: number;
  rows: number;
  /** Indicators skipped because the quota ran out or the id is not in the catalogue. */
  skipped: string[];
  /** Every query that ran, in order. */
  calls: SqlCall[];
}

export async function retrieveIndicators(
  ctx: ReadContext,
  task: SqlTask,
  seller: { id: string; category: string },
): Promise<RetrievalResult> {
  const result: RetrievalResult = {
    evidence: [],
    readings: [],
    queries: 0,
    rows: 0,
    skipped: [],
    calls: [],
  };
  const known = task.indicators.flatMap((id) => {
    const definition = indicatorById(id);
    return definition ? [definition] : [];
  });
  if (known.length * 2 <= task.maxQueries) {
    const reads = await Promise.all(known.map((d) => readIndicator(ctx, d, seller)));
    for (const read of reads) add(result, read);
    result.skipped.push(...task.indicators.filter((id) => !indicatorById(id)));
    return result;
  }
  for (const id of task.indicators) {
    const definition = indicatorById(id);
    // A value query and perhaps a sample query: stop before a reading could overrun the quota.
    if (!definition || result.queries + 2 > task.maxQueries) {
      result.skipped.push(id);
      continue;
    }
    add(result, await readIndicator(ctx, definition, seller));
  }
  return result;
}

function add(result: RetrievalResult, read: ReadResult): void {
  result.evidence.push(read.evidence);
  result.readings.push(read.reading);
  result.queries += read.queries;
  result.rows += read.rows;
  result.calls.push(...read.calls);
}
