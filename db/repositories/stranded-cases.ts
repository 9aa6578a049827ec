// A case the queue gave up on: its investigation job failed (or died with its
// process) as many times as the queue retries it. Unless the case was decided or
// failed meanwhile, or a live process holds its run, it ends failed with the
// queue's reason — never left queued forever.
import type { Database } from "../types.js";
import { appendAuditEvent } from "./audit.js";
import { lockCase } from "./cases.js";
import { endFailed } from "./runs.js";

/** failed: ended now; settled: already decided, failed or reviewed; busy: a live lease holds it. */
export type StrandedOutcome = "failed" | "settled" | "busy";

export async function failStrandedCase(
  db: Database,
  caseId: string,
  reason: string,
  actor: string,
  now: Date,
): Promise<StrandedOutcome> {
  return db.transaction(async (tx) => {
    const status = await lockCase(tx, caseId);
    if (status !== "queued" && status !== "running") return "settled";
    const { rows } = await tx.query<{ run_id: string; live: boolean }>(
      `SELECT run_id, coalesce(lease_expires_at > now(), false) AS live
         FROM casehound.runs WHERE case_id = $1 AND status = 'running'
        ORDER BY attempt DESC LIMIT 1`,
      [caseId],
    );
    const run = rows[0];
    if (run?.live) return "busy";
    if (run) {
      await endFailed(tx, caseId, run.run_id, reason, now);
      return "failed";
    }
    // Never started: no run to end, only the case.
    const error = reason.slice(0, 2000);
    await tx.query(
      "UPDATE casehound.cases SET status = 'failed', failed_at = $2, error = $3 WHERE case_id = $1",
      [caseId, now.toISOString(), error],
    );
    await appendAuditEvent(
      tx,
      caseId,
      { at: now.toISOString(), actor, kind: "run_failed", payload: { run_id: null, error } },
      `stranded:${now.toISOString()}`,
    );
    return "failed";
  });
}
