// An analyst's review of a verdict: approve it, or override its decision with a
// reason. A review names the verdict it saw by hash, so it can never silently apply
// to a different verdict.
import { z } from "zod";
import { hasNoNul } from "./case.js";
import { Decision } from "./verdict.js";

/** What every review says, however it arrives (CLI or API). */
export const ReviewFields = {
  outcome: z.enum(["approved", "overridden"]),
  /** The decision that stands after an override. */
  decision: Decision.optional(),
  reason: z.string().trim().min(1).max(4000).refine(hasNoNul, "may not contain NUL characters"),
};

export const VerdictHash = z.string().regex(/^[0-9a-f]{64}$/);

/** An override names the decision that stands; an approval names none. */
export const namesDecisionIfOverridden = (r: { outcome: string; decision?: unknown }) =>
  (r.outcome === "overridden") === (r.decision !== undefined);
export const OVERRIDE_RULE: { message: string; path: string[] } = {
  message: "an override names the decision that stands instead; an approval names none",
  path: ["decision"],
};

export const ReviewInput = z
  .object({
    reviewer: z.string().trim().min(1).max(200),
    ...ReviewFields,
    /** The hash of the verdict reviewed (as stored); default: the case's latest verdict. */
    verdictHash: VerdictHash.optional(),
  })
  .refine(namesDecisionIfOverridden, OVERRIDE_RULE);
export type ReviewInput = z.infer<typeof ReviewInput>;

export interface Review {
  reviewId: string;
  caseId: string;
  verdictHash: string;
  reviewer: string;
  outcome: "approved" | "overridden";
  decision: Decision | null;
  reason: string;
  createdAt: string;
}
