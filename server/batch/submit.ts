// Submitting a batch's stored rows through intake, each as an ordinary case: source
// `batch`, actor the batch's creator, idempotency key `batch:<batch id>:<position>`
// — so submitting again (a retried create, `batch wait` after an interrupted one)
// only submits what is left and never doubles a case. A row intake refuses keeps its
// reason. A cancel that lands meanwhile stops the loop, and any case submitted
// after it is cancelled too: a cancelled batch never gains a queued case.
import { cancelBatchCases } from "../../db/repositories/batch-cancel.js";
import {
  getBatch,
  pendingRows,
  recordRowCase,
  recordRowError,
  type StoredBatch,
} from "../../db/repositories/batches.js";
import { isAppError } from "../../domain/errors.js";
import { type IntakeDeps, submitCase } from "../intake.js";

/** How many rows go in between looks for a cancel. */
const CANCEL_CHECK_EVERY = 50;

export async function submitPendingRows(
  intake: IntakeDeps,
  batch: StoredBatch,
): Promise<{ submitted: number; rejected: number }> {
  const db = intake.db;
  let submitted = 0;
  let rejected = 0;
  if (batch.cancelledAt !== null) return { submitted, rejected };
  const rows = await pendingRows(db, batch.id);
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % CANCEL_CHECK_EVERY === 0 && (await getBatch(db, batch.id))?.cancelledAt) break;
    const input = {
      subject: row.subject,
      allegation: row.allegation,
      ...(row.asOf ? { asOf: row.asOf } : {}),
    };
    try {
      const { case: stored } = await submitCase(intake, input, {
        actor: batch.createdBy,
        source: "batch",
        idempotencyKey: `batch:${batch.id}:${row.position}`,
      });
      await recordRowCase(db, batch.id, row.position, stored.id);
      submitted++;
    } catch (error) {
      // A row the warehouse cannot answer is listed with its reason; anything else
      // (the store, a stop) ends the call, and submitting again picks up here.
      if (!isAppError(error, "bad_argument")) throw error;
      await recordRowError(db, batch.id, row.position, error.message);
      rejected++;
    }
  }
  const now = await getBatch(db, batch.id);
  if (rows.length > 0 && now?.cancelledAt)
    await cancelBatchCases(db, batch.id, now.cancelledBy ?? "unknown", intake.now());
  return { submitted, rejected };
}
