// The console's queue: cases with their latest verdict's headline, their batch and
// their assignee, filtered, sorted by risk or by age, one page at a time (offset
// pages: an analyst jumps between a few pages of a sorted list), with counts.
import type { Queryable } from "../types.js";

export interface QueueFilter {
  status?: string;
  decision?: string;
  /** Cases whose verdict gives this typology a probability of at least 0.5. */
  typology?: string;
  /** Decided cases whose verdict asks for a human and that nobody reviewed yet. */
  needsReview?: boolean;
  source?: string;
  batchId?: string;
  /** Created on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Created on or before this day (YYYY-MM-DD, UTC). */
  to?: string;
}

export type QueueSort = "risk" | "oldest" | "newest";

export interface QueueRow {
  caseId: string;
  status: string;
  subjectType: string;
  subjectId: string;
  allegation: string;
  source: string;
  createdAt: string;
  decision: string | null;
  riskScore: number | null;
  typology: string | null;
  needsReview: boolean;
  batchId: string | null;
  assignee: string | null;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Cases matching the filter. */
  total: number;
  /** Over the whole queue, whatever the filter: cases per status, and unassigned cases needing review. */
  counts: { byStatus: Record<string, number>; needsReview: number; unassignedNeedsReview: number };
}

const FROM = `
  FROM casehound.cases c
  LEFT JOIN LATERAL (
    SELECT verdict FROM casehound.verdicts
     WHERE case_id = c.case_id ORDER BY created_at DESC, run_id LIMIT 1
  ) v ON true
  LEFT JOIN casehound.batch_cases b ON b.case_id = c.case_id
  LEFT JOIN casehound.case_assignments a ON a.case_id = c.case_id`;

const NEEDS_REVIEW = `(c.status = 'decided' AND (v.verdict->>'needs_human_review')::boolean)`;

const ORDER: Record<QueueSort, string> = {
  risk: "(v.verdict->>'risk_score')::float8 DESC NULLS LAST, c.created_at, c.case_id",
  oldest: "c.created_at, c.case_id",
  newest: "c.created_at DESC, c.case_id DESC",
};

function where(filter: QueueFilter, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses: string[] = [];
  if (filter.status) clauses.push(`c.status = ${param(filter.status)}`);
  if (filter.decision) clauses.push(`v.verdict->>'decision' = ${param(filter.decision)}`);
  if (filter.typology)
    clauses.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(v.verdict->'typologies') t
                  WHERE t->>'typology' = ${param(filter.typology)} AND (t->>'confidence')::float8 >= 0.5)`);
  if (filter.needsReview) clauses.push(NEEDS_REVIEW);
  if (filter.source) clauses.push(`c.source = ${param(filter.source)}`);
  if (filter.batchId) clauses.push(`b.batch_id = ${param(filter.batchId)}`);
  if (filter.from) clauses.push(`c.created_at >= ${param(filter.from)}::date`);
  if (filter.to) clauses.push(`c.created_at < ${param(filter.to)}::date + 1`);
  return clauses.length ? `WHERE ${clauses.join(" AND ")}` : "";
}

interface Row {
  case_id: string;
  status: string;
  subject_type: string;
  subject_id: string;
  allegation: string;
  source: string;
  created_at: Date;
  decision: string | null;
  risk_score: string | number | null;
  typology: string | null;
  needs_review: boolean;
  batch_id: string | null;
  assignee: string | null;
}

export async function readQueue(
  db: Queryable,
  filter: QueueFilter,
  page: { sort: QueueSort; limit: number; offset: number },
): Promise<QueuePage> {
  const params: unknown[] = [];
  const filtered = where(filter, params);
  const listed = await db.query<Row>(
    `SELECT c.case_id, c.status, c.subject_type, c.subject_id, c.allegation, c.source, c.created_at,
            v.verdict->>'decision' AS decision, v.verdict->>'risk_score' AS risk_score,
            v.verdict->'typologies'->0->>'typology' AS typology,
            COALESCE(${NEEDS_REVIEW}, false) AS needs_review, b.batch_id, a.assignee
       ${FROM} ${filtered}
      ORDER BY ${ORDER[page.sort]}
      LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`,
    params,
  );
  const total = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n ${FROM} ${filtered}`,
    params,
  );
  const counts = await db.query<{
    status: string;
    n: number | string;
    nr: number | string;
    un: number | string;
  }>(
    `SELECT c.status, count(*) AS n,
            count(*) FILTER (WHERE ${NEEDS_REVIEW}) AS nr,
            count(*) FILTER (WHERE ${NEEDS_REVIEW} AND a.case_id IS NULL) AS un
       ${FROM} GROUP BY c.status`,
  );
  const byStatus: Record<string, number> = {};
  let needsReview = 0;
  let unassignedNeedsReview = 0;
  for (const r of counts.rows) {
    byStatus[r.status] = Number(r.n);
    needsReview += Number(r.nr);
    unassignedNeedsReview += Number(r.un);
  }
  return {
    rows: listed.rows.map((r) => ({
      caseId: r.case_id,
      status: r.status,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      allegation: r.allegation,
      source: r.source,
      createdAt: new Date(r.created_at).toISOString(),
      decision: r.decision,
      riskScore: r.risk_score === null ? null : Number(r.risk_score),
      typology: r.typology,
      needsReview: r.needs_review,
      batchId: r.batch_id,
      assignee: r.assignee,
    })),
    total: Number(total.rows[0]?.n ?? 0),
    counts: { byStatus, needsReview, unassignedNeedsReview },
  };
}
