// A batch's ring clusters in the store: what the finish step reads (each seller
// row's decision, the as-of its verdicts looked from), the one conditional write
// that stores the clusters with the re-review rows of inconsistent ones, and the
// clusters as the views show them. Cheap look-ups let a worker ask, after each case
// settles, whether that case's batch has just finished.
import { AppError } from "../../domain/errors.js";
import type { Database, Queryable } from "../types.js";

export interface StoredBinding {
  kind: string;
  value: string;
  degree: number;
  weight: number;
  holders: { sellerId: string; roles: string[] }[];
}

export interface StoredCluster {
  id: string;
  members: string[];
  bindings: StoredBinding[];
  strength: number;
  /** A member decided fraud beside one decided not_fraud when the batch first finished. */
  inconsistent: boolean;
  reason: string | null;
  /** Members sent back for a re-investigation with the cluster as context. */
  reinvestigate: string[];
}

export interface ReviewRow {
  sellerId: string;
  allegation: string;
  asOf?: string;
  /** The case of the original row it investigates again. */
  reviewOf: string;
  clusterId: string;
}

export interface SellerDecision {
  position: number;
  sellerId: string;
  caseId: string | null;
  decision: string | null;
  allegation: string;
  asOf: string | null;
}

/** The batch's original seller rows (not re-reviews), each with its case's latest decision. */
export async function sellerDecisions(db: Queryable, batchId: string): Promise<SellerDecision[]> {
  const { rows } = await db.query<{
    position: number;
    subject_id: string;
    case_id: string | null;
    decision: string | null;
    allegation: string;
    as_of: Date | null;
  }>(
    `SELECT bc.position, bc.subject_id, bc.case_id, v.verdict->>'decision' AS decision,
            bc.allegation, bc.as_of
       FROM casehound.batch_cases bc
       LEFT JOIN LATERAL (
         SELECT verdict FROM casehound.verdicts
          WHERE case_id = bc.case_id ORDER BY created_at DESC, run_id LIMIT 1
       ) v ON true
      WHERE bc.batch_id = $1 AND bc.subject_type = 'seller' AND bc.review_of IS NULL
      ORDER BY bc.position`,
    [batchId],
  );
  return rows.map((r) => ({
    position: r.position,
    sellerId: r.subject_id,
    caseId: r.case_id,
    decision: r.decision,
    allegation: r.allegation,
    asOf: r.as_of ? new Date(r.as_of).toISOString() : null,
  }));
}

/** The latest as-of the batch's verdicts looked from; else the seeded world's; else null. */
export async function batchAsOf(db: Queryable, batchId: string): Promise<string | null> {
  const { rows } = await db.query<{ as_of: string | null }>(
    `SELECT coalesce(
       (SELECT max((v.verdict->>'as_of')::timestamptz) FROM casehound.verdicts v
          JOIN casehound.batch_cases bc ON bc.case_id = v.case_id WHERE bc.batch_id = $1),
       (SELECT as_of FROM casehound.warehouse_seeds ORDER BY id DESC LIMIT 1)) AS as_of`,
    [batchId],
  );
  const at = rows[0]?.as_of;
  return at ? new Date(at).toISOString() : null;
}

/**
 * Stores the clusters and appends the re-review rows, once: only the call that
 * moves `clustered_at` from NULL stores anything (false for every other). The
 * re-review rows take the positions after the batch's last, in the given order.
 */
export async function storeBatchClusters(
  db: Database,
  batchId: string,
  result: { asOf: string; clusters: readonly StoredCluster[]; reviews: readonly ReviewRow[] },
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query<{ batch_id: string }>(
      `UPDATE casehound.batches SET clustered_at = $2, clustered_as_of = $3, total = total + $4
        WHERE batch_id = $1 AND clustered_at IS NULL RETURNING batch_id`,
      [batchId, now.toISOString(), result.asOf, result.reviews.length],
    );
    if (claimed.rows.length === 0) return false;
    for (const c of result.clusters)
      await tx.query(
        `INSERT INTO casehound.batch_clusters
           (batch_id, cluster_id, members, bindings, strength, inconsistent, reason, reinvestigate)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          batchId,
          c.id,
          c.members,
          JSON.stringify(c.bindings),
          c.strength,
          c.inconsistent,
          c.reason,
          c.reinvestigate,
        ],
      );
    if (result.reviews.length > 0) {
      const last = await tx.query<{ last: number }>(
        "SELECT coalesce(max(position), 0)::integer AS last FROM casehound.batch_cases WHERE batch_id = $1",
        [batchId],
      );
      const first = (last.rows[0]?.last ?? 0) + 1;
      const r = result.reviews;
      await tx.query(
        `INSERT INTO casehound.batch_cases
           (batch_id, position, subject_type, subject_id, allegation, as_of, review_of, review_cluster)
         SELECT $1, p, 'seller', s, a, o, rv, rc
           FROM unnest($2::integer[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
             AS t(p, s, a, o, rv, rc)`,
        [
          batchId,
          r.map((_, i) => first + i),
          r.map((x) => x.sellerId),
          r.map((x) => x.allegation),
          r.map((x) => x.asOf ?? null),
          r.map((x) => x.reviewOf),
          r.map((x) => x.clusterId),
        ],
      );
    }
    return true;
  });
}

/** The batch's clusters, strongest first; empty before it finished (or when none formed). */
export async function readBatchClusters(db: Queryable, batchId: string): Promise<StoredCluster[]> {
  const { rows } = await db.query<{
    cluster_id: string;
    members: string[];
    bindings: StoredBinding[] | string;
    strength: number;
    inconsistent: boolean;
    reason: string | null;
    reinvestigate: string[];
  }>(
    `SELECT cluster_id, members, bindings, strength, inconsistent, reason, reinvestigate
       FROM casehound.batch_clusters WHERE batch_id = $1 ORDER BY strength DESC, cluster_id`,
    [batchId],
  );
  return rows.map((r) => ({
    id: r.cluster_id,
    members: r.members,
    bindings: typeof r.bindings === "string" ? JSON.parse(r.bindings) : r.bindings,
    strength: Number(r.strength),
    inconsistent: r.inconsistent,
    reason: r.reason,
    reinvestigate: r.reinvestigate,
  }));
}

/** When the batch's clusters were stored, and as of when; null when not yet. */
export async function clusteredAt(
  db: Queryable,
  batchId: string,
): Promise<{ at: string; asOf: string } | null> {
  const { rows } = await db.query<{ clustered_at: Date | null; clustered_as_of: Date | null }>(
    "SELECT clustered_at, clustered_as_of FROM casehound.batches WHERE batch_id = $1",
    [batchId],
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", `no batch ${batchId}`);
  if (!row.clustered_at || !row.clustered_as_of) return null;
  return {
    at: new Date(row.clustered_at).toISOString(),
    asOf: new Date(row.clustered_as_of).toISOString(),
  };
}

/** The batch a case belongs to, if any (one index look-up). */
export async function batchOfCase(db: Queryable, caseId: string): Promise<string | null> {
  const { rows } = await db.query<{ batch_id: string }>(
    "SELECT batch_id FROM casehound.batch_cases WHERE case_id = $1",
    [caseId],
  );
  return rows[0]?.batch_id ?? null;
}

/** Whether any row of the batch is still pending, queued or running (stops at the first). */
export async function batchUnsettled(db: Queryable, batchId: string): Promise<boolean> {
  const { rows } = await db.query<{ unsettled: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM casehound.batch_cases bc LEFT JOIN casehound.cases c ON c.case_id = bc.case_id
        WHERE bc.batch_id = $1
          AND ((bc.case_id IS NULL AND bc.error IS NULL) OR c.status IN ('queued', 'running'))
     ) AS unsettled`,
    [batchId],
  );
  return Boolean(rows[0]?.unsettled);
}
