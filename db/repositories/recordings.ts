// A run's recorded observations (controller/recorder.ts) in the case store: written
// as they happen (concurrent ones together), read back to resume the run or to replay it.
import type { Recording } from "../../domain/recording.js";
import { groupCommit } from "../group-commit.js";
import type { Queryable } from "../types.js";
import { valuesRows } from "../values-rows.js";

/** Several recordings of one run in one statement (an answer already kept stays as it was). */
export async function saveRecordings(
  db: Queryable,
  runId: string,
  items: readonly { recording: Recording; at: Date }[],
): Promise<void> {
  if (items.length === 0) return;
  const rows = valuesRows(
    items.map(({ recording, at }) => [
      runId,
      recording.key,
      recording.tool,
      recording.request,
      recording.result,
      recording.resultHash,
      at.toISOString(),
    ]),
  );
  await db.query(
    `INSERT INTO casehound.recordings (run_id, request_key, tool, request, result, result_hash, recorded_at)
     VALUES ${rows.sql} ON CONFLICT (run_id, request_key) DO NOTHING`,
    rows.params,
  );
}

/**
 * The save function a live run's recorder uses: recordings made while one write is
 * on its way are kept together in the next (db/group-commit.ts); each save still
 * resolves only once its recording is stored.
 */
export function recordingWriter(
  db: Queryable,
  runId: string,
  now: () => Date,
): (recording: Recording) => Promise<void> {
  const write = groupCommit(async (items: { recording: Recording; at: Date }[]) => {
    await saveRecordings(db, runId, items);
    return items.map(() => undefined);
  });
  return (recording) => write({ recording, at: now() });
}

export async function loadRecordings(db: Queryable, runId: string): Promise<Recording[]> {
  const { rows } = await db.query<{
    request_key: string;
    tool: string;
    request: string;
    result: string;
    result_hash: string;
  }>(
    "SELECT request_key, tool, request, result, result_hash FROM casehound.recordings WHERE run_id = $1 ORDER BY recorded_at, request_key",
    [runId],
  );
  return rows.map((r) => ({
    key: r.request_key,
    tool: r.tool,
    request: r.request,
    result: r.result,
    resultHash: r.result_hash,
  }));
}
