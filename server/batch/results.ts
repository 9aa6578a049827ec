// A batch's results: one row per subject in the batch's order — the case's latest
// verdict headline, or for a row that failed, why — and the summary printed when a
// batch finishes (counts by decision, the failures with their reasons, the riskiest
// subjects) and, once the batch finished (finish.ts), its ring clusters: each row
// names its seller's cluster, and the summary lists every cluster with whether its
// decisions contradicted each other, the re-investigations that sent back, and
// where the members' latest decisions stand now.
import { readBatchClusters, type StoredCluster } from "../../db/repositories/batch-clusters.js";
import { type BatchResultRecord, batchResultRecords } from "../../db/repositories/batch-views.js";
import { getBatch } from "../../db/repositories/batches.js";
import type { Queryable } from "../../db/types.js";
import { type BatchResultRow, subjectText } from "../../domain/batch.js";
import { AppError } from "../../domain/errors.js";

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
    cluster: record.clusterId,
    reviewOf: record.reviewOf,
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
  /** Ring clusters of the batch's sellers; null until the batch finished and was clustered. */
  clusters: ClusterSummary[] | null;
}

export interface Reinvestigation {
  subject: string;
  /** The original row's case and decision. */
  reviewOf: string;
  originalDecision: string | null;
  /** The re-review row's case (null until submitted), state and decision. */
  caseId: string | null;
  state: string;
  decision: string | null;
}

export interface ClusterSummary extends StoredCluster {
  /** Each member's latest decision in the batch (a re-review's over the original's). */
  decisions: Record<string, string>;
  reinvestigations: Reinvestigation[];
  /** Whether fraud and not_fraud still stand side by side among the latest decisions. */
  inconsistentNow: boolean;
}

function summarizeCluster(cluster: StoredCluster, rows: readonly BatchResultRow[]): ClusterSummary {
  const decisions: Record<string, string> = {};
  // Rows in order: a re-review (after every original) overrides its original's decision.
  for (const row of rows)
    if (row.cluster === cluster.id && row.decision)
      decisions[row.subject.replace(/^seller:/, "")] = row.decision;
  const byCase = new Map(rows.map((r) => [r.caseId, r]));
  const reinvestigations = rows
    .filter((r) => r.cluster === cluster.id && r.reviewOf !== null)
    .map((r) => ({
      subject: r.subject,
      reviewOf: r.reviewOf as string,
      originalDecision: byCase.get(r.reviewOf)?.decision ?? null,
      caseId: r.caseId,
      state: r.state,
      decision: r.decision,
    }));
  const latest = Object.values(decisions);
  return {
    ...cluster,
    decisions,
    reinvestigations,
    inconsistentNow: latest.includes("fraud") && latest.includes("not_fraud"),
  };
}

export function summarize(
  rows: readonly BatchResultRow[],
  top = 10,
  clusters: readonly StoredCluster[] | null = null,
): BatchSummary {
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
  return {
    byDecision,
    failed,
    topByRisk,
    clusters: clusters === null ? null : clusters.map((c) => summarizeCluster(c, rows)),
  };
}

/** The summary of a stored batch: every row read, with its clusters once it finished. */
export async function batchSummary(db: Queryable, batchId: string): Promise<BatchSummary> {
  const batch = await getBatch(db, batchId);
  if (!batch) throw new AppError("not_found", `no batch ${batchId}`);
  const rows: BatchResultRow[] = [];
  for await (const row of allBatchResults(db, batchId)) rows.push(row);
  const clusters = batch.clusteredAt ? await readBatchClusters(db, batchId) : null;
  return summarize(rows, 10, clusters);
}
