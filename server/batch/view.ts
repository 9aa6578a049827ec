// A batch as the doors show it: what it is, where it came from, how far it got, its
// ring clusters once it finished; and
// cancelling it (its queued cases never run; running ones finish).
import { cancelBatchCases } from "../../db/repositories/batch-cancel.js";
import { readBatchClusters, type StoredCluster } from "../../db/repositories/batch-clusters.js";
import { getBatch, type StoredBatch } from "../../db/repositories/batches.js";
import type { Database, Queryable } from "../../db/types.js";
import type { BatchProgress } from "../../domain/batch.js";
import { AppError } from "../../domain/errors.js";
import { batchProgress } from "./progress.js";

export interface BatchView extends StoredBatch {
  progress: BatchProgress;
  /** Its ring clusters once it finished (finish.ts); null before. */
  clusters: StoredCluster[] | null;
}

export async function batchView(db: Queryable, batch: StoredBatch, now: Date): Promise<BatchView> {
  return {
    ...batch,
    progress: await batchProgress(db, batch.id, batch.total, now),
    clusters: batch.clusteredAt ? await readBatchClusters(db, batch.id) : null,
  };
}

/** The batch with its progress; not_found when there is none. */
export async function getBatchView(db: Queryable, batchId: string, now: Date): Promise<BatchView> {
  const batch = await getBatch(db, batchId);
  if (!batch) throw new AppError("not_found", `no batch ${batchId}`);
  return batchView(db, batch, now);
}

export async function cancelBatch(
  db: Database,
  batchId: string,
  actor: string,
  now: Date,
): Promise<{ view: BatchView; cancelledCases: number }> {
  const { batch, cancelledCases } = await cancelBatchCases(db, batchId, actor, now);
  return { view: await batchView(db, batch, now), cancelledCases };
}
