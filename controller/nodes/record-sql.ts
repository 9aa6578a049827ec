// The audit events of a SQL task, in the order things happened: the catalogued
// indicators' queries and evidence, then (after the model's calls) the model's
// guarded queries and what they found.
import type { SqlFindings } from "../../agents/sql-retrieval/index.js";
import { evidenceEvent, recordAll, type StepRecorder } from "./record.js";

/** The catalogued indicators' queries and evidence (read before the model was asked). */
export async function recordIndicators(record: StepRecorder, { read }: SqlFindings) {
  await recordAll(record, [
    ...read.calls.map(
      (call) =>
        [
          "sql_executed",
          {
            query: call.sql,
            params: call.params,
            rows: call.rowCount,
            result_hash: call.resultHash,
          },
        ] as const,
    ),
    ...read.evidence.map((e) => ["evidence_added", evidenceEvent(e)] as const),
  ]);
}

/** The model's guarded queries and what they found. */
export async function recordModelQueries(record: StepRecorder, { asked }: SqlFindings) {
  if (!asked) return;
  await recordAll(record, [
    ...asked.queries.map(
      (q) =>
        [
          "sql_executed",
          {
            purpose: q.purpose,
            query: q.sql,
            params: [],
            allowed: q.allowed,
            guard: q.reason,
            rows: q.rows,
            error: q.error,
            result_hash: q.resultHash,
            written_by: asked.model,
          },
        ] as const,
    ),
    ...asked.evidence.map((e) => ["evidence_added", evidenceEvent(e)] as const),
  ]);
}
