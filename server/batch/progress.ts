// A batch's progress: its rows counted by state, how fast its cases settle and when
// the rest should be done at that rate.
import { tallyBatch } from "../../db/repositories/batch-views.js";
import type { Queryable } from "../../db/types.js";
import { type BatchProgress, BatchRowState, SETTLED_STATES } from "../../domain/batch.js";

export async function batchProgress(
  db: Queryable,
  batchId: string,
  total: number,
  now: Date,
): Promise<BatchProgress> {
  const tally = await tallyBatch(db, batchId);
  const counts = Object.fromEntries(
    BatchRowState.options.map((state) => [state, tally.counts[state] ?? 0]),
  ) as BatchProgress["counts"];
  const done = SETTLED_STATES.reduce((sum, state) => sum + counts[state], 0);
  const finished = counts.pending + counts.queued + counts.running === 0;
  // The rate of runs that ended, over the time since the first one started (until the last ended, once finished).
  const start = tally.firstStartedAt ? Date.parse(tally.firstStartedAt) : null;
  const end = finished && tally.lastEndedAt ? Date.parse(tally.lastEndedAt) : now.getTime();
  const seconds = start === null ? 0 : (end - start) / 1000;
  const casesPerSecond =
    tally.ended > 0 && seconds > 0 ? Math.round((tally.ended / seconds) * 1000) / 1000 : null;
  const left = counts.pending + counts.queued + counts.running;
  const etaSeconds = finished
    ? 0
    : casesPerSecond
      ? Math.round((left / casesPerSecond) * 10) / 10
      : null;
  return { total, counts, done, finished, casesPerSecond, etaSeconds };
}
