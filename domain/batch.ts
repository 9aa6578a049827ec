// A batch: a set of ordinary cases (source "batch") submitted together, from a
// selection of flagged sellers or from a file of subjects. Each row becomes one case
// with its own audit chain; a row intake refused keeps its reason instead.
import { z } from "zod";
import { EARLIEST_INSTANT_MS, hasNoNul, Subject } from "./case.js";
import { MAX_BATCH_ROWS } from "./vocabulary.js";

export { MAX_BATCH_ROWS };

const Instant = z.iso
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) >= EARLIEST_INSTANT_MS, "must be in year 1 or later");

/** Which flagged sellers to re-review (risk.flags, entity_type 'seller'). */
export const FlaggedSelection = z.strictObject({
  flagSource: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(hasNoNul, "may not contain NUL characters")
    .optional()
    .describe("only flags from this source (e.g. risk_model:network)"),
  minScore: z.number().min(0).max(1).optional().describe("only flags scored at least this"),
  since: Instant.optional().describe("only flags raised at or after this instant"),
  until: Instant.optional().describe("only flags raised before this instant"),
  category: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(hasNoNul, "may not contain NUL characters")
    .optional()
    .describe("only sellers of this category"),
  notReviewedSince: Instant.optional().describe(
    "leave out sellers with an analyst review of one of their cases at or after this instant",
  ),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_BATCH_ROWS)
    .default(100)
    .describe("at most this many sellers, highest flag score first"),
});
export type FlaggedSelection = z.output<typeof FlaggedSelection>;

/** One subject of a batch, as a file or a request names it. */
export const BatchRow = z.object({
  subject: Subject,
  /** Unset: built from the subject's flags. */
  allegation: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .refine(hasNoNul, "may not contain NUL characters")
    .optional(),
  asOf: Instant.optional(),
});
export type BatchRow = z.output<typeof BatchRow>;

/** Where a batch's rows came from, as stored with it. */
export type BatchOrigin =
  | ({ kind: "flagged" } & FlaggedSelection)
  | { kind: "file"; name: string; format: "csv" | "jsonl" }
  | { kind: "subjects" };

/** What a row is now: its case's status, or `rejected` (intake refused it), or `pending` (not submitted yet). */
export const BatchRowState = z.enum([
  "pending",
  "rejected",
  "queued",
  "running",
  "decided",
  "failed",
  "reviewed",
  "cancelled",
]);
export type BatchRowState = z.infer<typeof BatchRowState>;

/** States a row does not leave by itself (a reviewed case is decided and reviewed). */
export const SETTLED_STATES: readonly BatchRowState[] = [
  "rejected",
  "decided",
  "failed",
  "reviewed",
  "cancelled",
];

export interface BatchProgress {
  total: number;
  counts: Record<BatchRowState, number>;
  /** Rows settled (decided, reviewed, failed, rejected or cancelled). */
  done: number;
  /** True when no row is pending, queued or running. */
  finished: boolean;
  /** Cases settled per second since the batch's first case started; null before two data points. */
  casesPerSecond: number | null;
  /** Seconds until the rest settle at that rate; null when unknown, 0 when finished. */
  etaSeconds: number | null;
}

/**
 * One result row. `cluster` names the ring cluster (sellers grouped by the entities
 * they share) its seller fell in once the batch finished; null before, and for a
 * subject in no cluster. `reviewOf` marks a re-review row: the case of the original
 * row its seller is investigated again beside, with the cluster as context.
 */
export interface BatchResultRow {
  position: number;
  subject: string;
  state: BatchRowState;
  caseId: string | null;
  decision: string | null;
  typology: string | null;
  riskScore: number | null;
  recommendedAction: string | null;
  needsReview: boolean | null;
  verdictHash: string | null;
  /** Why the row failed: intake's refusal, or the run's error. */
  reason: string | null;
  cluster: string | null;
  reviewOf: string | null;
}

/** "seller:slr_1" for a subject. */
export const subjectText = (s: { type: string; id: string }) => `${s.type}:${s.id}`;
