// Creating a batch: the one use case the batch doors (CLI, REST) call. The rows are
// chosen (flagged sellers, or a file's or a request's subjects), stored with the
// batch in one transaction, then each is submitted through intake like any case
// (submit.ts) — so a retried create (same key: same batch) submits only what is left
// and never doubles a case. A row intake refuses keeps its reason; the batch lists
// it, never drops it.
import { findBatchByKey, insertBatch, type StoredBatch } from "../../db/repositories/batches.js";
import type { Queryable } from "../../db/types.js";
import type { BatchOrigin, BatchRow, FlaggedSelection } from "../../domain/batch.js";
import { hashOf } from "../../domain/canonical-json.js";
import { AppError } from "../../domain/errors.js";
import type { IntakeDeps } from "../intake.js";
import { flagAllegation, flagsOf, selectFlaggedSellers, sellersReviewedSince } from "./flags.js";
import { submitPendingRows } from "./submit.js";

export interface BatchDeps {
  intake: IntakeDeps;
  /** Where risk.flags lives (the warehouse; by default the app database). */
  warehouse: Queryable;
}

export type BatchRequest =
  | { kind: "flagged"; selection: FlaggedSelection }
  | { kind: "file"; name: string; format: "csv" | "jsonl"; rows: BatchRow[] }
  | { kind: "subjects"; rows: BatchRow[] };

export interface CreateOptions {
  /** Who creates it; also the actor of its cases' case_created events. */
  actor: string;
  /** Scoped by the door: same key, same batch. */
  idempotencyKey?: string;
  clientKey?: string;
}

export interface CreatedBatch {
  batch: StoredBatch;
  /** True when the key named a batch stored before. */
  replayed: boolean;
  /** Cases submitted by this call (a replay submits only rows an interrupted create left). */
  submitted: number;
  /** Rows intake refused (each keeps its reason). */
  rejected: number;
}

function fingerprint(request: BatchRequest): string {
  // The file's name is not part of the request: the same rows under another name are the same batch.
  return request.kind === "flagged"
    ? hashOf({ kind: "flagged", selection: request.selection })
    : hashOf({ kind: "rows", rows: request.rows });
}

function originOf(request: BatchRequest): BatchOrigin {
  if (request.kind === "flagged") return { kind: "flagged", ...request.selection };
  if (request.kind === "file") return { kind: "file", name: request.name, format: request.format };
  return { kind: "subjects" };
}

async function chooseRows(deps: BatchDeps, request: BatchRequest) {
  if (request.kind === "flagged") {
    const { selection } = request;
    const reviewed = selection.notReviewedSince
      ? await sellersReviewedSince(deps.intake.db, selection.notReviewedSince)
      : [];
    const sellers = await selectFlaggedSellers(deps.warehouse, selection, reviewed);
    if (sellers.length === 0)
      throw new AppError("bad_argument", "no flagged seller matches the selection");
    return sellers.map((s) => ({
      subject: { type: "seller" as const, id: s.sellerId },
      allegation: flagAllegation(s.flags),
    }));
  }
  // A row without an allegation gets its seller's flags, or says where it was listed.
  const sellers = request.rows.filter((r) => !r.allegation && r.subject.type === "seller");
  const flags = await flagsOf(
    deps.warehouse,
    sellers.map((r) => r.subject.id),
  );
  const listedIn = request.kind === "file" ? request.name : "the batch request";
  return request.rows.map((row) => {
    const own = flags.get(row.subject.id);
    const allegation =
      row.allegation ??
      (row.subject.type === "seller" && own?.length
        ? flagAllegation(own)
        : `re-review: listed in ${listedIn} (no open flags)`);
    return { subject: row.subject, allegation, ...(row.asOf ? { asOf: row.asOf } : {}) };
  });
}

export async function createBatch(
  deps: BatchDeps,
  request: BatchRequest,
  options: CreateOptions,
): Promise<CreatedBatch> {
  const db = deps.intake.db;
  const print = fingerprint(request);
  const key = options.idempotencyKey;
  // A retry finds its batch without choosing again (the flags may have moved since).
  const found = key === undefined ? null : await findBatchByKey(db, key);
  if (found && found.fingerprint !== print)
    throw new AppError(
      "conflict",
      `idempotency key ${options.clientKey ?? key} was already used for a different batch (${found.batch.id})`,
      { details: { batchId: found.batch.id } },
    );
  const earlier = found?.batch;
  const { batch, created } = earlier
    ? { batch: earlier, created: false }
    : await insertBatch(
        db,
        {
          ...(key === undefined ? {} : { idempotencyKey: key }),
          ...(options.clientKey === undefined ? {} : { clientKey: options.clientKey }),
          fingerprint: print,
          origin: originOf(request),
          createdBy: options.actor,
          rows: await chooseRows(deps, request),
        },
        deps.intake.now(),
      );
  const { submitted, rejected } = await submitPendingRows(deps.intake, batch);
  return { batch, replayed: !created, submitted, rejected };
}
