// Cancelling a batch: its queued cases become `cancelled` (each with an audit event
// in its own chain) and the run claim refuses them from then on (runs.ts), so they
// never run; running cases finish.
import { AppError } from "../../domain/errors.js";
import type { Database } from "../types.js";
import { appendAuditEvent } from "./audit.js";
import { type BatchRecord, fromRecord, type StoredBatch } from "./batches.js";

/**
 * Cancels the batch: its queued cases become `cancelled` (each with an audit event)
 * and rows not yet submitted are refused; running cases finish. Cancelling again
 * changes nothing, except that a case submitted since (a create racing the cancel)
 * is cancelled too.
 */
export async function cancelBatchCases(
  db: Database,
  batchId: string,
  actor: string,
  now: Date,
): Promise<{ batch: StoredBatch; cancelledCases: number }> {
  return db.transaction(async (tx) => {
    const found = await tx.query<BatchRecord>(
      "SELECT * FROM casehound.batches WHERE batch_id = $1 FOR UPDATE",
      [batchId],
    );
    if (!found.rows[0]) throw new AppError("not_found", `no batch ${batchId}`);
    const at = now.toISOString();
    const updated = await tx.query<BatchRecord>(
      `UPDATE casehound.batches SET cancelled_at = coalesce(cancelled_at, $2), cancelled_by = coalesce(cancelled_by, $3)
        WHERE batch_id = $1 RETURNING *`,
      [batchId, at, actor],
    );
    await tx.query(
      `UPDATE casehound.batch_cases SET error = 'the batch was cancelled before this row was submitted'
        WHERE batch_id = $1 AND case_id IS NULL AND error IS NULL`,
      [batchId],
    );
    // Row locks in case order; a claim holding one makes us wait, then its case is no longer queued.
    const queued = await tx.query<{ case_id: string }>(
      `SELECT c.case_id FROM casehound.cases c JOIN casehound.batch_cases bc ON bc.case_id = c.case_id
        WHERE bc.batch_id = $1 AND c.status = 'queued' ORDER BY c.case_id FOR UPDATE OF c`,
      [batchId],
    );
    let cancelledCases = 0;
    for (const { case_id } of queued.rows) {
      const changed = await tx.query(
        "UPDATE casehound.cases SET status = 'cancelled', cancelled_at = $2 WHERE case_id = $1 AND status = 'queued' RETURNING case_id",
        [case_id, at],
      );
      if (changed.rows.length === 0) continue;
      cancelledCases++;
      await appendAuditEvent(tx, case_id, {
        at,
        actor,
        kind: "case_cancelled",
        payload: { batch_id: batchId, reason: "its batch was cancelled before the case ran" },
      });
    }
    return { batch: fromRecord(updated.rows[0] as BatchRecord), cancelledCases };
  });
}
