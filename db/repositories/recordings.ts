// A run's recorded observations (controller/recorder.ts) in the case store: written
// as they happen, read back to resume the run or to replay it.
import type { Recording } from "../../domain/recording.js";
import type { Queryable } from "../types.js";

export async function saveRecording(
  db: Queryable,
  runId: string,
  recording: Recording,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO casehound.recordings (run_id, request_key, tool, request, result, result_hash, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id, request_key) DO NOTHING`,
    [
      runId,
      recording.key,
      recording.tool,
      recording.request,
      recording.result,
      recording.resultHash,
      now.toISOString(),
    ],
  );
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
