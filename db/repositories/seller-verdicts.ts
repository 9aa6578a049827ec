// Read model of the case store for similar-seller search: the decided cases of a
// set of sellers (subject seller:<id>), each with its latest verdict's decision and
// hash and, when an analyst overrode it, the decision they put in its place.
import type { Queryable } from "../types.js";

export interface PastVerdict {
  caseId: string;
  sellerId: string;
  /** The latest verdict's decision. */
  decision: string;
  verdictHash: string;
  decidedAt: string;
  /** An analyst's overriding decision, when the latest review overrode the verdict. */
  overriddenTo: string | null;
}

/**
 * Every decided (or reviewed) seller case of `sellerIds`, newest first per seller;
 * with $2, only verdicts and reviews made by that instant (an investigation looks
 * from its as-of and must not see what was decided after it).
 */
export const PAST_VERDICTS_SQL = `
SELECT DISTINCT ON (c.case_id)
       c.case_id, c.subject_id AS seller_id, v.verdict->>'decision' AS decision,
       v.verdict_hash, v.created_at AS decided_at,
       (SELECT CASE WHEN r.outcome = 'overridden' THEN r.decision END
        FROM casehound.reviews r WHERE r.case_id = c.case_id
          AND ($2::timestamptz IS NULL OR r.created_at <= $2::timestamptz)
        ORDER BY r.created_at DESC LIMIT 1) AS overridden_to
FROM casehound.cases c
JOIN casehound.verdicts v ON v.case_id = c.case_id
WHERE c.subject_type = 'seller' AND c.subject_id = ANY($1::text[])
  AND c.status IN ('decided', 'reviewed')
  AND ($2::timestamptz IS NULL OR v.created_at <= $2::timestamptz)
ORDER BY c.case_id, v.created_at DESC`;

interface Row {
  case_id: string;
  seller_id: string;
  decision: string;
  verdict_hash: string;
  decided_at: Date;
  overridden_to: string | null;
}

export async function pastVerdicts(
  db: Queryable,
  sellerIds: readonly string[],
  decidedBy: string | null = null,
): Promise<PastVerdict[]> {
  const { rows } = await db.query<Row>(PAST_VERDICTS_SQL, [sellerIds, decidedBy]);
  return rows
    .map((r) => ({
      caseId: r.case_id,
      sellerId: r.seller_id,
      decision: r.decision,
      verdictHash: r.verdict_hash,
      decidedAt: new Date(r.decided_at).toISOString(),
      overriddenTo: r.overridden_to,
    }))
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || a.caseId.localeCompare(b.caseId));
}
