// Batches in the store. A batch and all its rows are stored in one transaction,
// idempotent on the creator's key (the same key with the same request is the same
// batch; with a different request, a conflict). Each row then becomes a case through
// intake (recordRowCase) or keeps intake's refusal (recordRowError). Cancelling is
// in batch-cancel.ts.
import { randomUUID } from "node:crypto";
import type { BatchOrigin } from "../../domain/batch.js";
import type { Subject } from "../../domain/case.js";
import { AppError } from "../../domain/errors.js";
import type { Database, Queryable } from "../types.js";

export interface StoredBatch {
  id: string;
  origin: BatchOrigin;
  createdBy: string;
  createdAt: string;
  cancelledAt: string | null;
  /** Who cancelled it (the actor of its cases' case_cancelled events). */
  cancelledBy: string | null;
  total: number;
  /** When its ring clusters were stored (the batch finished); null before. */
  clusteredAt: string | null;
}

export interface NewBatchRow {
  subject: Subject;
  allegation: string;
  asOf?: string;
}

export interface PendingRow extends NewBatchRow {
  position: number;
}

export interface BatchRecord {
  batch_id: string;
  fingerprint: string;
  origin: BatchOrigin;
  created_by: string;
  created_at: Date;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  total: number;
  clustered_at?: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function fromRecord(row: BatchRecord): StoredBatch {
  return {
    id: row.batch_id,
    origin: row.origin,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    cancelledAt: iso(row.cancelled_at),
    cancelledBy: row.cancelled_by,
    total: row.total,
    clusteredAt: iso(row.clustered_at ?? null),
  };
}

const CHUNK = 500;

export async function insertBatch(
  db: Database,
  batch: {
    /** Scoped by the door; same key, same batch. */
    idempotencyKey?: string;
    /** The key as the client sent it, for messages. */
    clientKey?: string;
    /** What makes two requests the same. */
    fingerprint: string;
    origin: BatchOrigin;
    createdBy: string;
    rows: readonly NewBatchRow[];
  },
  now: Date,
): Promise<{ batch: StoredBatch; created: boolean }> {
  const key = batch.idempotencyKey ?? null;
  // Two first requests with one key race: the loser hits the unique key and finds the winner's batch.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        if (key !== null) {
          const found = await tx.query<BatchRecord>(
            "SELECT * FROM casehound.batches WHERE idempotency_key = $1",
            [key],
          );
          const existing = found.rows[0];
          if (existing) {
            if (existing.fingerprint !== batch.fingerprint)
              throw new AppError(
                "conflict",
                `idempotency key ${batch.clientKey ?? key} was already used for a different batch (${existing.batch_id})`,
                { details: { batchId: existing.batch_id } },
              );
            return { batch: fromRecord(existing), created: false };
          }
        }
        const id = randomUUID();
        const { rows } = await tx.query<BatchRecord>(
          `INSERT INTO casehound.batches (batch_id, idempotency_key, fingerprint, origin, created_by, created_at, total)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            id,
            key,
            batch.fingerprint,
            JSON.stringify(batch.origin),
            batch.createdBy,
            now.toISOString(),
            batch.rows.length,
          ],
        );
        for (let start = 0; start < batch.rows.length; start += CHUNK) {
          const chunk = batch.rows.slice(start, start + CHUNK);
          await tx.query(
            `INSERT INTO casehound.batch_cases (batch_id, position, subject_type, subject_id, allegation, as_of)
             SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
            [
              id,
              chunk.map((_, i) => start + i + 1),
              chunk.map((r) => r.subject.type),
              chunk.map((r) => r.subject.id),
              chunk.map((r) => r.allegation),
              chunk.map((r) => r.asOf ?? null),
            ],
          );
        }
        return { batch: fromRecord(rows[0] as BatchRecord), created: true };
      });
    } catch (error) {
      const unique = (error as { code?: string }).code === "23505";
      if (!unique || key === null || attempt > 0) throw error;
    }
  }
}

export async function getBatch(db: Queryable, batchId: string): Promise<StoredBatch | null> {
  const { rows } = await db.query<BatchRecord>(
    "SELECT * FROM casehound.batches WHERE batch_id = $1",
    [batchId],
  );
  return rows[0] ? fromRecord(rows[0]) : null;
}

/** The batch a scoped idempotency key names, with its request's fingerprint. */
export async function findBatchByKey(
  db: Queryable,
  key: string,
): Promise<{ batch: StoredBatch; fingerprint: string } | null> {
  const { rows } = await db.query<BatchRecord>(
    "SELECT * FROM casehound.batches WHERE idempotency_key = $1",
    [key],
  );
  return rows[0] ? { batch: fromRecord(rows[0]), fingerprint: rows[0].fingerprint } : null;
}

/** Rows not yet submitted (no case, no refusal), in order. */
export async function pendingRows(db: Queryable, batchId: string): Promise<PendingRow[]> {
  const { rows } = await db.query<{
    position: number;
    subject_type: Subject["type"];
    subject_id: string;
    allegation: string;
    as_of: Date | null;
  }>(
    `SELECT position, subject_type, subject_id, allegation, as_of FROM casehound.batch_cases
      WHERE batch_id = $1 AND case_id IS NULL AND error IS NULL ORDER BY position`,
    [batchId],
  );
  return rows.map((r) => ({
    position: r.position,
    subject: { type: r.subject_type, id: r.subject_id },
    allegation: r.allegation,
    ...(r.as_of ? { asOf: new Date(r.as_of).toISOString() } : {}),
  }));
}

export async function recordRowCase(
  db: Queryable,
  batchId: string,
  position: number,
  caseId: string,
): Promise<void> {
  await db.query(
    "UPDATE casehound.batch_cases SET case_id = $3, error = NULL WHERE batch_id = $1 AND position = $2",
    [batchId, position, caseId],
  );
}

export async function recordRowError(
  db: Queryable,
  batchId: string,
  position: number,
  error: string,
): Promise<void> {
  await db.query(
    "UPDATE casehound.batch_cases SET error = $3 WHERE batch_id = $1 AND position = $2 AND case_id IS NULL",
    [batchId, position, error.slice(0, 2000)],
  );
}

/** Batches newest first, keyset-paginated on (created_at, batch_id). */
export async function listBatches(
  db: Queryable,
  page: { limit: number; after?: { createdAt: string; batchId: string } },
): Promise<{ batches: StoredBatch[]; next: { createdAt: string; batchId: string } | null }> {
  const params: unknown[] = [page.limit + 1];
  let where = "";
  if (page.after) {
    params.push(page.after.createdAt, page.after.batchId);
    where = "WHERE (created_at, batch_id) < ($2::timestamptz, $3)";
  }
  const { rows } = await db.query<BatchRecord>(
    `SELECT * FROM casehound.batches ${where} ORDER BY created_at DESC, batch_id DESC LIMIT $1`,
    params,
  );
  const batches = rows.slice(0, page.limit).map(fromRecord);
  const last = batches.at(-1);
  return {
    batches,
    next: rows.length > page.limit && last ? { createdAt: last.createdAt, batchId: last.id } : null,
  };
}
