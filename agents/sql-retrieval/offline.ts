// The offline SQL-retrieval agent: reads the catalogued indicators a task names,
// within the task's query quota, and returns readings and evidence.

import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { SqlTask } from "../../domain/task.js";
import { indicatorById } from "../../tools/indicators/catalog/index.js";
import { type ReadContext, readIndicator, type SqlCall } from "../../tools/indicators/read.js";

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
  for (const id of task.indicators) {
    const definition = indicatorById(id);
    // A value query and perhaps a sample query: stop before a reading could overrun the quota.
    if (!definition || result.queries + 2 > task.maxQueries) {
      result.skipped.push(id);
      continue;
    }
    const read = await readIndicator(ctx, definition, seller);
    result.evidence.push(read.evidence);
    result.readings.push(read.reading);
    result.queries += read.queries;
    result.rows += read.rows;
    result.calls.push(...read.calls);
  }
  return result;
}
