// Read models of the case store for the API: a page of cases with their latest
// verdict's headline (filtered, newest first, keyset pagination), and one case in
// full — its timestamps, latest verdict and reviews.

import type { Review } from "../../domain/review.js";
import { Verdict } from "../../domain/verdict.js";
import type { Queryable } from "../types.js";
import type { CaseStatus } from "./cases.js";
import { listReviews } from "./reviews.js";

export interface CaseFilter {
  status?: CaseStatus[];
  decision?: string[];
  /** Cases whose verdict gives this typology a probability of at least 0.5. */
  typology?: string;
  subject?: { type: string; id: string };
  createdAfter?: string;
  createdBefore?: string;
}

/** Where the next page starts: the last case of this one, newest-first order. */
export interface PageCursor {
  createdAt: string;
  caseId: string;
}

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  subject: { type: string; id: string };
  allegation: string;
  source: string;
  priority: string;
  typologyHints: string[];
  asOf: string | null;
  createdAt: string;
  startedAt: string | null;
  decidedAt: string | null;
  failedAt: string | null;
  reviewedAt: string | null;
  /** Why the case failed, when it did. */
  error: string | null;
  verdictHash: string | null;
  /** The headline of the latest verdict, when there is one. */
  decision: string | null;
  recommendedAction: string | null;
  riskScore: number | null;
  typology: string | null;
}

interface SummaryRow {
  case_id: string;
  status: CaseStatus;
  subject_type: string;
  subject_id: string;
  allegation: string;
  source: string;
  priority: string;
  typology_hints: string[];
  as_of: Date | null;
  created_at: Date;
  started_at: Date | null;
  decided_at: Date | null;
  failed_at: Date | null;
  reviewed_at: Date | null;
  error: string | null;
  verdict_hash: string | null;
  decision: string | null;
  recommended_action: string | null;
  risk_score: string | number | null;
  typology: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function summary(row: SummaryRow): CaseSummary {
  return {
    id: row.case_id,
    status: row.status,
    subject: { type: row.subject_type, id: row.subject_id },
    allegation: row.allegation,
    source: row.source,
    priority: row.priority,
    typologyHints: row.typology_hints,
    asOf: iso(row.as_of),
    createdAt: iso(row.created_at) as string,
    startedAt: iso(row.started_at),
    decidedAt: iso(row.decided_at),
    failedAt: iso(row.failed_at),
    reviewedAt: iso(row.reviewed_at),
    error: row.error,
    verdictHash: row.verdict_hash,
    decision: row.decision,
    recommendedAction: row.recommended_action,
    riskScore: row.risk_score === null ? null : Number(row.risk_score),
    typology: row.typology,
  };
}

const summaryFrom = (extra = "") => `
  SELECT${extra} c.case_id, c.status, c.subject_type, c.subject_id, c.allegation, c.source, c.priority,
         c.typology_hints, c.as_of, c.created_at, c.started_at, c.decided_at, c.failed_at,
         c.reviewed_at, c.error, v.verdict_hash, v.verdict->>'decision' AS decision,
         v.verdict->>'recommended_action' AS recommended_action,
         v.verdict->>'risk_score' AS risk_score,
         v.verdict->'typologies'->0->>'typology' AS typology
    FROM casehound.cases c
    LEFT JOIN LATERAL (
      SELECT verdict, verdict_hash FROM casehound.verdicts
       WHERE case_id = c.case_id ORDER BY created_at DESC, run_id LIMIT 1
    ) v ON true`;

export async function listCaseSummaries(
  db: Queryable,
  filter: CaseFilter,
  page: { limit: number; after?: PageCursor },
): Promise<{ cases: CaseSummary[]; next: PageCursor | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.status?.length) where.push(`c.status = ANY(${param(filter.status)}::text[])`);
  if (filter.decision?.length)
    where.push(`v.verdict->>'decision' = ANY(${param(filter.decision)}::text[])`);
  if (filter.typology)
    where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(v.verdict->'typologies') t
                 WHERE t->>'typology' = ${param(filter.typology)} AND (t->>'confidence')::float8 >= 0.5)`);
  if (filter.subject)
    where.push(
      `c.subject_type = ${param(filter.subject.type)} AND c.subject_id = ${param(filter.subject.id)}`,
    );
  if (filter.createdAfter) where.push(`c.created_at >= ${param(filter.createdAfter)}::timestamptz`);
  if (filter.createdBefore)
    where.push(`c.created_at < ${param(filter.createdBefore)}::timestamptz`);
  if (page.after)
    where.push(
      `(c.created_at, c.case_id) < (${param(page.after.createdAt)}::timestamptz, ${param(page.after.caseId)})`,
    );
  const sql = `${summaryFrom()}
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY c.created_at DESC, c.case_id DESC LIMIT ${param(page.limit + 1)}`;
  const { rows } = await db.query<SummaryRow>(sql, params);
  const cases = rows.slice(0, page.limit).map(summary);
  const last = cases.at(-1);
  return {
    cases,
    next: rows.length > page.limit && last ? { createdAt: last.createdAt, caseId: last.id } : null,
  };
}

export interface CaseDetail extends CaseSummary {
  verdict: Verdict | null;
  reviews: Review[];
}

export async function getCaseDetail(db: Queryable, caseId: string): Promise<CaseDetail | null> {
  const { rows } = await db.query<SummaryRow & { verdict: unknown }>(
    `${summaryFrom(" v.verdict AS verdict,")} WHERE c.case_id = $1`,
    [caseId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...summary(row),
    verdict: row.verdict ? Verdict.parse(row.verdict) : null,
    reviews: await listReviews(db, caseId),
  };
}
