// Runs of a case: a run starts (case → running), and ends with its evidence and one
// verdict (case → decided) or with an error (case → failed). A verdict is written
// once per run: the run id is its primary key.
import { randomUUID } from "node:crypto";
import { hashOf } from "../../domain/canonical-json.js";
import type { Evidence } from "../../domain/evidence.js";
import type { Verdict } from "../../domain/verdict.js";
import type { Database } from "../types.js";
import { appendAuditEvent } from "./audit.js";

export async function startRun(db: Database, caseId: string, now: Date): Promise<string> {
  const runId = randomUUID();
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ attempt: number }>(
      "SELECT coalesce(max(attempt), 0) + 1 AS attempt FROM casehound.runs WHERE case_id = $1",
      [caseId],
    );
    await tx.query(
      "INSERT INTO casehound.runs (run_id, case_id, attempt, status, started_at) VALUES ($1, $2, $3, 'running', $4)",
      [runId, caseId, rows[0]?.attempt ?? 1, now.toISOString()],
    );
    await tx.query(
      "UPDATE casehound.cases SET status = 'running', started_at = coalesce(started_at, $2) WHERE case_id = $1",
      [caseId, now.toISOString()],
    );
  });
  return runId;
}

export async function finishRun(
  db: Database,
  run: { caseId: string; runId: string; verdict: Verdict; evidence: readonly Evidence[] },
  now: Date,
): Promise<string> {
  const verdictHash = hashOf(run.verdict);
  await db.transaction(async (tx) => {
    for (const e of run.evidence) {
      await tx.query(
        `INSERT INTO casehound.evidence (run_id, evidence_id, case_id, kind, source, retrieved_at, summary, data, content_hash, untrusted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [
          run.runId,
          e.id,
          run.caseId,
          e.kind,
          JSON.stringify(e.source),
          e.retrieved_at,
          e.summary,
          JSON.stringify(e.data ?? null),
          e.content_hash,
          e.untrusted,
        ],
      );
    }
    await tx.query(
      "INSERT INTO casehound.verdicts (run_id, case_id, verdict, verdict_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
      [run.runId, run.caseId, JSON.stringify(run.verdict), verdictHash, now.toISOString()],
    );
    await tx.query(
      "UPDATE casehound.runs SET status = 'decided', ended_at = $2 WHERE run_id = $1",
      [run.runId, now.toISOString()],
    );
    await tx.query(
      "UPDATE casehound.cases SET status = 'decided', decided_at = $2 WHERE case_id = $1",
      [run.caseId, now.toISOString()],
    );
  });
  return verdictHash;
}

export async function failRun(
  db: Database,
  caseId: string,
  runId: string,
  error: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("UPDATE casehound.runs SET status = 'failed', ended_at = $2 WHERE run_id = $1", [
      runId,
      now.toISOString(),
    ]);
    await tx.query(
      "UPDATE casehound.cases SET status = 'failed', failed_at = $2, error = $3 WHERE case_id = $1",
      [caseId, now.toISOString(), error.slice(0, 2000)],
    );
    await appendAuditEvent(
      tx,
      caseId,
      {
        at: now.toISOString(),
        actor: "controller",
        kind: "run_failed",
        payload: { run_id: runId, error: error.slice(0, 2000) },
      },
      `${runId}:failed`,
    );
  });
}
