// Reviews in the case store: a decided case is approved or overridden by an analyst.
// The review is bound to the hash of the verdict it reviewed, stored, and appended to
// the case's audit chain; the case moves to reviewed.
import { randomUUID } from "node:crypto";
import { AppError } from "../../domain/errors.js";
import { type Review, ReviewInput } from "../../domain/review.js";
import type { Database, Queryable } from "../types.js";
import { appendAuditEvent } from "./audit.js";
import { lockCase } from "./cases.js";
import { latestVerdictRow } from "./runs.js";

export async function recordReview(
  db: Database,
  caseId: string,
  input: ReviewInput,
  now: Date,
): Promise<Review> {
  const checked = ReviewInput.safeParse(input);
  if (!checked.success)
    throw new AppError(
      "bad_argument",
      `invalid review: ${checked.error.issues.map((i) => `${i.path.join(".") || "review"} ${i.message}`).join("; ")}`,
    );
  const parsed = checked.data;
  return db.transaction(async (tx) => {
    const status = await lockCase(tx, caseId);
    if (status !== "decided" && status !== "reviewed")
      throw new AppError(
        "conflict",
        `case ${caseId} is ${status}: only a decided case can be reviewed`,
      );
    const current = (await latestVerdictRow(tx, caseId))?.verdict_hash;
    if (!current) throw new AppError("conflict", `case ${caseId} has no verdict to review`);
    if (parsed.verdictHash !== undefined && parsed.verdictHash !== current)
      throw new AppError(
        "conflict",
        `case ${caseId}: the review names verdict ${parsed.verdictHash.slice(0, 16)}…, but the case's verdict is ${current.slice(0, 16)}…`,
      );
    const review: Review = {
      reviewId: randomUUID(),
      caseId,
      verdictHash: current,
      reviewer: parsed.reviewer,
      outcome: parsed.outcome,
      decision: parsed.decision ?? null,
      reason: parsed.reason,
      createdAt: now.toISOString(),
    };
    await tx.query(
      `INSERT INTO casehound.reviews (review_id, case_id, verdict_hash, reviewer, outcome, decision, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        review.reviewId,
        caseId,
        review.verdictHash,
        review.reviewer,
        review.outcome,
        review.decision,
        review.reason,
        review.createdAt,
      ],
    );
    await appendAuditEvent(
      tx,
      caseId,
      {
        at: review.createdAt,
        actor: `analyst:${review.reviewer}`,
        kind: "review",
        payload: {
          review_id: review.reviewId,
          verdict_hash: review.verdictHash,
          outcome: review.outcome,
          decision: review.decision,
          reason: review.reason,
        },
      },
      `review:${review.reviewId}`,
    );
    await tx.query(
      "UPDATE casehound.cases SET status = 'reviewed', reviewed_at = $2 WHERE case_id = $1",
      [caseId, review.createdAt],
    );
    return review;
  });
}

/** A case's reviews, oldest first. */
export async function listReviews(db: Queryable, caseId: string): Promise<Review[]> {
  const { rows } = await db.query<{
    review_id: string;
    verdict_hash: string;
    reviewer: string;
    outcome: Review["outcome"];
    decision: Review["decision"];
    reason: string;
    created_at: Date;
  }>(
    `SELECT review_id, verdict_hash, reviewer, outcome, decision, reason, created_at
       FROM casehound.reviews WHERE case_id = $1 ORDER BY created_at, review_id`,
    [caseId],
  );
  return rows.map((r) => ({
    reviewId: r.review_id,
    caseId,
    verdictHash: r.verdict_hash,
    reviewer: r.reviewer,
    outcome: r.outcome,
    decision: r.decision,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
