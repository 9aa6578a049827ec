// Cases that belong together: the cases in the case store whose subject is one of
// the sellers linked to this one, with their state and their latest verdict's
// decision. One statement on the application database.
import type { Queryable } from "../../db/types.js";

export interface RelatedCaseRow {
  case_id: string;
  seller_id: string;
  status: string;
  decision: string | null;
}

/** Most related cases named (newest first). */
export const MAX_RELATED_CASES = 20;

export const RELATED_CASES_SQL = `
SELECT c.case_id, c.subject_id AS seller_id, c.status, v.verdict->>'decision' AS decision
  FROM casehound.cases c
  LEFT JOIN LATERAL (
    SELECT verdict FROM casehound.verdicts v
     WHERE v.case_id = c.case_id ORDER BY v.created_at DESC LIMIT 1
  ) v ON true
 WHERE c.subject_type = 'seller' AND c.subject_id = ANY($1::text[]) AND c.case_id <> $2
   AND c.status <> 'failed'
 ORDER BY c.created_at DESC, c.case_id
 LIMIT $3`;

export async function readRelatedCases(
  app: Queryable,
  sellerIds: readonly string[],
  exceptCaseId: string,
): Promise<RelatedCaseRow[]> {
  if (!sellerIds.length) return [];
  const { rows } = await app.query<RelatedCaseRow>(RELATED_CASES_SQL, [
    [...sellerIds],
    exceptCaseId,
    MAX_RELATED_CASES,
  ]);
  return rows;
}
