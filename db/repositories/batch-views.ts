// Read models of a batch: its rows tallied by state (progress) and its rows with each
// case's latest verdict headline (results), in the order the batch listed them.
import type { BatchRowState } from "../../domain/batch.js";
import type { Subject } from "../../domain/case.js";
import type { Queryable } from "../types.js";

export interface BatchTally {
  counts: Partial<Record<BatchRowState, number>>;
  /** When the batch's first case started; null before any. */
  firstStartedAt: string | null;
  /** When the last of its runs ended; null before any. */
  lastEndedAt: string | null;
  /** Cases whose run ended (decided or failed). */
  ended: number;
}

const STATE = `CASE WHEN bc.case_id IS NOT NULL THEN c.status
                    WHEN bc.error IS NOT NULL THEN 'rejected' ELSE 'pending' END`;

export async function tallyBatch(db: Queryable, batchId: string): Promise<BatchTally> {
  const { rows } = await db.query<{
    state: BatchRowState;
    n: number;
    first_started: Date | null;
    last_ended: Date | null;
    ended: number;
  }>(
    `SELECT ${STATE} AS state, count(*)::integer AS n, min(c.started_at) AS first_started,
            max(coalesce(c.decided_at, c.failed_at)) AS last_ended,
            count(coalesce(c.decided_at, c.failed_at))::integer AS ended
       FROM casehound.batch_cases bc LEFT JOIN casehound.cases c ON c.case_id = bc.case_id
      WHERE bc.batch_id = $1 GROUP BY 1`,
    [batchId],
  );
  const times = (pick: (r: (typeof rows)[number]) => Date | null, later: boolean) =>
    rows
      .map(pick)
      .filter((d): d is Date => d !== null)
      .map((d) => new Date(d).toISOString())
      .sort()
      .at(later ? -1 : 0) ?? null;
  return {
    counts: Object.fromEntries(rows.map((r) => [r.state, r.n])),
    firstStartedAt: times((r) => r.first_started, false),
    lastEndedAt: times((r) => r.last_ended, true),
    ended: rows.reduce((sum, r) => sum + r.ended, 0),
  };
}

export interface BatchResultRecord {
  position: number;
  subject: Subject;
  state: BatchRowState;
  caseId: string | null;
  rowError: string | null;
  caseError: string | null;
  verdictHash: string | null;
  decision: string | null;
  typology: string | null;
  riskScore: number | null;
  recommendedAction: string | null;
  needsReview: boolean | null;
  /** The ring cluster its seller fell in once the batch finished. */
  clusterId: string | null;
  /** A re-review row: the case of the original row. */
  reviewOf: string | null;
}

/** The rows after `afterPosition`, in order, with each case's latest verdict headline. */
export async function batchResultRecords(
  db: Queryable,
  batchId: string,
  page: { limit: number; afterPosition?: number },
): Promise<BatchResultRecord[]> {
  const { rows } = await db.query<{
    position: number;
    subject_type: Subject["type"];
    subject_id: string;
    state: BatchRowState;
    case_id: string | null;
    row_error: string | null;
    case_error: string | null;
    verdict_hash: string | null;
    decision: string | null;
    typology: string | null;
    risk_score: string | null;
    recommended_action: string | null;
    needs_review: string | null;
    cluster_id: string | null;
    review_of: string | null;
  }>(
    `SELECT bc.position, bc.subject_type, bc.subject_id, ${STATE} AS state, bc.case_id,
            bc.error AS row_error, c.error AS case_error, v.verdict_hash,
            v.verdict->>'decision' AS decision,
            v.verdict->'typologies'->0->>'typology' AS typology,
            v.verdict->>'risk_score' AS risk_score,
            v.verdict->>'recommended_action' AS recommended_action,
            v.verdict->>'needs_human_review' AS needs_review, bc.review_of,
            (SELECT cl.cluster_id FROM casehound.batch_clusters cl
              WHERE cl.batch_id = bc.batch_id AND bc.subject_type = 'seller'
                AND bc.subject_id = ANY (cl.members) LIMIT 1) AS cluster_id
       FROM casehound.batch_cases bc
       LEFT JOIN casehound.cases c ON c.case_id = bc.case_id
       LEFT JOIN LATERAL (
         SELECT verdict, verdict_hash FROM casehound.verdicts
          WHERE case_id = bc.case_id ORDER BY created_at DESC, run_id LIMIT 1
       ) v ON true
      WHERE bc.batch_id = $1 AND bc.position > $2
      ORDER BY bc.position LIMIT $3`,
    [batchId, page.afterPosition ?? 0, page.limit],
  );
  return rows.map((r) => ({
    position: r.position,
    subject: { type: r.subject_type, id: r.subject_id },
    state: r.state,
    caseId: r.case_id,
    rowError: r.row_error,
    caseError: r.case_error,
    verdictHash: r.verdict_hash,
    decision: r.decision,
    typology: r.typology,
    riskScore: r.risk_score === null ? null : Number(r.risk_score),
    recommendedAction: r.recommended_action,
    needsReview: r.needs_review === null ? null : r.needs_review === "true",
    clusterId: r.cluster_id,
    reviewOf: r.review_of,
  }));
}
