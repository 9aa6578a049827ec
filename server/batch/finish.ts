// Finishing a batch: the one use case both the CLI's wait loop and the worker call
// once a batch's cases have all settled. Its seller subjects are grouped into ring
// clusters (tools/links: shared devices, IPs, payout accounts, addresses; hubs left
// out by degree, the degree profile read once per batch) and the clusters stored
// once. A cluster whose members got contradicting decisions is flagged, and the
// members it names are investigated again as new ordinary cases of the same batch
// (re-review rows), each alleged with its original allegation plus the cluster as
// context. Clusters are stored, and re-investigation happens, at most once per
// batch: the store is one conditional update (db/repositories/batch-clusters.ts),
// and a later finish only submits re-review rows a crash left unsubmitted.
//
// The clusters are kept, not recomputed, after the re-reviews: membership is a
// function of the warehouse as of the batch's verdicts, which a re-investigation
// does not change; what changes is the decisions, which the views read live
// (results.ts: each cluster's members' latest decisions).
import {
  batchAsOf,
  batchUnsettled,
  clusteredAt,
  type ReviewRow,
  readBatchClusters,
  type StoredCluster,
  sellerDecisions,
  storeBatchClusters,
} from "../../db/repositories/batch-clusters.js";
import { getBatch } from "../../db/repositories/batches.js";
import type { Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { Decision } from "../../domain/verdict.js";
import {
  clusterContext,
  clusterSellers,
  type InconsistentCluster,
  inconsistentClusters,
  MAX_SELLERS,
  readDegreeProfile,
  readSharedAttributes,
  type SellerCluster,
  type SharedAttributes,
} from "../../tools/links/index.js";
import type { IntakeDeps } from "../intake.js";
import type { BatchNotifier } from "./notifier.js";
import { submitPendingRows } from "./submit.js";

export interface FinishDeps {
  intake: IntakeDeps;
  /** Where the risk tables live (the warehouse; by default the app database). */
  warehouse: Queryable;
  /** Told when the batch has nothing left to run (a Slack channel, say). */
  notifier?: BatchNotifier | undefined;
}

export interface FinishOutcome {
  /** False: a case of the batch is still pending, queued or running; nothing was done. */
  finished: boolean;
  /** True when this call stored the clusters (exactly one call per batch does). */
  stored: boolean;
  clusters: StoredCluster[];
  /** Re-review cases submitted by this call. */
  submitted: number;
}

/** The allegation limit of a case (domain/case.ts). */
const MAX_ALLEGATION = 4000;
const SELLER_ID = /^[\w.:-]{1,128}$/;

/** The original allegation, cut if need be, then the cluster context: at most 4000 characters. */
export function reviewAllegation(original: string, context: string): string {
  const room = MAX_ALLEGATION - context.length - 2;
  if (room < 40)
    throw new AppError("internal", "the cluster context leaves no room for the allegation");
  const head = original.length <= room ? original : `${original.slice(0, room - 1).trimEnd()}…`;
  return `${head}\n\n${context}`;
}

async function readAll(
  deps: FinishDeps,
  sellerIds: string[],
  asOf: string,
): Promise<SharedAttributes> {
  const profile = await readDegreeProfile(deps.warehouse, asOf);
  let all: SharedAttributes | undefined;
  // Slices of MAX_SELLERS: an order-only tie between two slices is not seen (logins and payouts are).
  for (let start = 0; start < sellerIds.length || all === undefined; start += MAX_SELLERS) {
    const read = await readSharedAttributes(
      deps.warehouse,
      sellerIds.slice(start, start + MAX_SELLERS),
      asOf,
      { profile },
    );
    all = all
      ? {
          ...all,
          sellerIds: [...all.sellerIds, ...read.sellerIds],
          unknownSellerIds: [...all.unknownSellerIds, ...read.unknownSellerIds],
          attributes: [...all.attributes, ...read.attributes],
          truncated: [...all.truncated, ...read.truncated],
        }
      : read;
  }
  return all as SharedAttributes;
}

function toStored(cluster: SellerCluster, flagged?: InconsistentCluster): StoredCluster {
  return {
    id: cluster.id,
    members: cluster.members,
    bindings: cluster.bindings,
    strength: cluster.strength,
    inconsistent: flagged !== undefined,
    reason: flagged?.reason ?? null,
    reinvestigate: flagged?.reinvestigate ?? [],
  };
}

/** Clusters the finished batch's sellers and works out its re-review rows (reads only). */
async function computeClusters(deps: FinishDeps, batchId: string, cancelled: boolean) {
  const db = deps.intake.db;
  const rows = await sellerDecisions(db, batchId);
  const asOf = (await batchAsOf(db, batchId)) ?? deps.intake.now().toISOString();
  const sellerIds = [...new Set(rows.map((r) => r.sellerId).filter((id) => SELLER_ID.test(id)))];
  if (sellerIds.length === 0) return { asOf, clusters: [], reviews: [] };
  const decisions = new Map<string, Decision>();
  const original = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const parsed = Decision.safeParse(row.decision);
    if (!parsed.success || row.caseId === null) continue;
    decisions.set(row.sellerId, parsed.data);
    original.set(row.sellerId, row);
  }
  const attributes = await readAll(deps, sellerIds, asOf);
  // Decided sellers the warehouse does not hold: not the warehouse the cases read.
  if (attributes.sellerIds.length === 0 && decisions.size > 0)
    throw new AppError(
      "unavailable",
      `the warehouse holds none of batch ${batchId}'s ${sellerIds.length} sellers; clusters not stored (is this the warehouse the cases read?)`,
    );
  const clusters = clusterSellers(attributes);
  const flagged = inconsistentClusters(clusters, decisions);
  const byId = new Map(flagged.map((f) => [f.cluster.id, f]));
  const reviews: ReviewRow[] = [];
  // A cancelled batch never gains a case: its inconsistent clusters are flagged, not re-run.
  if (!cancelled)
    for (const f of flagged)
      for (const seller of f.reinvestigate) {
        const row = original.get(seller) as (typeof rows)[number];
        reviews.push({
          sellerId: seller,
          allegation: reviewAllegation(
            row.allegation,
            clusterContext(f.cluster, decisions, seller),
          ),
          ...(row.asOf ? { asOf: row.asOf } : {}),
          reviewOf: row.caseId as string,
          clusterId: f.cluster.id,
        });
      }
  return { asOf, clusters: clusters.map((c) => toStored(c, byId.get(c.id))), reviews };
}

/**
 * Runs the finish step for a batch whose cases have all settled; does nothing (and
 * says `finished: false`) while one is pending, queued or running. Safe to call any
 * number of times from any number of processes.
 */
export async function finishBatch(deps: FinishDeps, batchId: string): Promise<FinishOutcome> {
  const db = deps.intake.db;
  const batch = await getBatch(db, batchId);
  if (!batch) throw new AppError("not_found", `no batch ${batchId}`);
  let stored = false;
  if ((await clusteredAt(db, batchId)) === null) {
    if (await batchUnsettled(db, batchId))
      return { finished: false, stored, clusters: [], submitted: 0 };
    const result = await computeClusters(deps, batchId, batch.cancelledAt !== null);
    stored = await storeBatchClusters(db, batchId, result, deps.intake.now());
  }
  // The re-review rows: this call's, or those a finish that stopped after storing left.
  const now = await getBatch(db, batchId);
  const { submitted } = now ? await submitPendingRows(deps.intake, now) : { submitted: 0 };
  const finished = submitted === 0 && !(await batchUnsettled(db, batchId));
  // Re-review rows still to run mean the batch is not finished yet: their settling calls again.
  if (finished) await deps.notifier?.batchFinished(batchId);
  return { finished, stored, clusters: await readBatchClusters(db, batchId), submitted };
}
