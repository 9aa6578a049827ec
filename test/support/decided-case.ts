// A decided seller case written straight into the case store (case, run, verdict),
// for read models that only look at the stored headline: its decision and hash.
import type { Queryable } from "../../db/types.js";

export async function storeDecidedCase(
  db: Queryable,
  c: { caseId: string; sellerId: string; decision: string; verdictHash: string; at: string },
): Promise<void> {
  await db.query(
    `INSERT INTO casehound.cases (case_id, subject_type, subject_id, allegation, source, priority, status, created_at, decided_at)
     VALUES ($1, 'seller', $2, 'test', 'cli', 'normal', 'decided', $3, $3)`,
    [c.caseId, c.sellerId, c.at],
  );
  await db.query(
    `INSERT INTO casehound.runs (run_id, case_id, attempt, status, started_at, ended_at)
     VALUES ($1, $2, 1, 'decided', $3, $3)`,
    [`run-${c.caseId}`, c.caseId, c.at],
  );
  await db.query(
    `INSERT INTO casehound.verdicts (run_id, case_id, verdict, verdict_hash, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [`run-${c.caseId}`, c.caseId, JSON.stringify({ decision: c.decision }), c.verdictHash, c.at],
  );
}
