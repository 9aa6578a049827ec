// A batch's results: one row per subject in the batch's order — the case's latest
// verdict headline, or for a row that failed, why — and the summary printed when a
// batch finishes (counts by decision, the failures with their reasons, the riskiest
// subjects). Clusters (sellers grouped by the entities they share) have their place
// in both — `cluster` on a row, `clusters` in the summary — and stay empty until
// ring clustering fills them.
import { type BatchResultRecord, batchResultRecords } from "../../db/repositories/batch-views.js";
import type { Queryable } from "../../db/types.js";
import { type BatchResultRow, subjectText } from "../../domain/batch.js";

function reasonOf(record: BatchResultRecord): string | null {
  if (record.state === "rejected" || record.state === "pending") return record.rowError;
  if (record.state === "failed") return record.caseError ?? "the run failed";
  if (record.state === "cancelled") return "cancelled with its batch before it ran";
  return null;
}

function toRow(record: BatchResultRecord): BatchResultRow {
  return {
    position: record.position,
    subject: subjectText(record.subject),
    state: record.state,
    caseId: record.caseId,
    decision: record.decision,
    typology: record.typology,
    riskScore: record.riskScore,
    recommendedAction: record.recommendedAction,
    needsReview: record.needsReview,
    verdictHash: record.verdictHash,
    reason: reasonOf(record),
    cluster: null,
  };
}

/** One page of results after `afterPosition`. */
export async function batchResults(
  db: Queryable,
  batchId: string,
  page: { limit: number; afterPosition?: number },
): Promise<BatchResultRow[]> {
  return (await batchResultRecords(db, batchId, page)).map(toRow);
}

/** Every result row, read a page at a time. */
export async function* allBatchResults(
  db: Queryable,
  batchId: string,
): AsyncGenerator<BatchResultRow> {
  let after = 0;
  for (;;) {
    const page = await batchResults(db, batchId, { limit: 500, afterPosition: after });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < 500) return;
    after = last.position;
  }
}

export interface BatchSummary {
  /** Decided cases by their verdict's decision. */
  byDecision: Record<string, number>;
  /** Rows that failed, were refused or were cancelled, with the reason. */
  failed: { subject: string; state: string; caseId: string | null; reason: string }[];
  /** The riskiest decided subjects, highest first. */
  topByRisk: { subject: string; riskScore: number; decision: string; caseId: string }[];
  /** Ring clusters of the batch's sellers; null until clustering is built. */
  clusters: null;
}

export function summarize(rows: readonly BatchResultRow[], top = 10): BatchSummary {
  const byDecision: Record<string, number> = {};
  for (const row of rows)
    if (row.decision) byDecision[row.decision] = (byDecision[row.decision] ?? 0) + 1;
  const failed = rows.flatMap((row) =>
    row.reason === null
      ? []
      : [{ subject: row.subject, state: row.state, caseId: row.caseId, reason: row.reason }],
  );
  const topByRisk = rows
    .flatMap((row) =>
      row.riskScore === null || row.decision === null || row.caseId === null
        ? []
        : [
            {
              subject: row.subject,
              riskScore: row.riskScore,
              decision: row.decision,
              caseId: row.caseId,
            },
          ],
    )
    .sort((a, b) => b.riskScore - a.riskScore || a.subject.localeCompare(b.subject))
    .slice(0, top);
  return { byDecision, failed, topByRisk, clusters: null };
}
