// Analysts' reviews as training labels: for each reviewed case, the decision that
// stands (the verdict's when approved, the analyst's when overridden), the typology
// the verdict named, and the indicator readings the decision was made from, rebuilt
// from the evidence stored with the reviewed verdict's run.
import type { Database } from "../types.js";

export interface ReviewedReadings {
  caseId: string;
  /** The decision that stands after the review. */
  decision: string;
  /** The verdict's top typology (null when it named none). */
  typology: string | null;
  /** The indicator evidence's data: indicator, value, unit, baseline, percentile. */
  indicators: { evidenceId: string; data: Record<string, unknown> }[];
}

export async function reviewedReadings(db: Database): Promise<ReviewedReadings[]> {
  const { rows } = await db.query<{
    case_id: string;
    run_id: string;
    outcome: string;
    review_decision: string | null;
    verdict: { decision: string; typologies?: { typology: string }[] };
  }>(
    `SELECT DISTINCT ON (r.case_id) r.case_id, v.run_id, r.outcome, r.decision AS review_decision, v.verdict
       FROM casehound.reviews r
       JOIN casehound.verdicts v ON v.case_id = r.case_id AND v.verdict_hash = r.verdict_hash
      ORDER BY r.case_id, r.created_at DESC`,
  );
  const out: ReviewedReadings[] = [];
  for (const row of rows) {
    const evidence = await db.query<{ evidence_id: string; data: Record<string, unknown> }>(
      "SELECT evidence_id, data FROM casehound.evidence WHERE run_id = $1 AND kind = 'indicator' ORDER BY evidence_id",
      [row.run_id],
    );
    out.push({
      caseId: row.case_id,
      decision:
        row.outcome === "overridden" && row.review_decision
          ? row.review_decision
          : row.verdict.decision,
      typology: row.verdict.typologies?.[0]?.typology ?? null,
      indicators: evidence.rows.map((e) => ({ evidenceId: e.evidence_id, data: e.data })),
    });
  }
  return out;
}
