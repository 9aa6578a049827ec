// `casehound review <caseId>`: an analyst approves a decided case's verdict or
// overrides its decision, with a reason. The review is bound to the verdict's hash
// and appended to the case's audit chain.
import { type Command, Option } from "commander";
import { AppError } from "../../domain/errors.js";
import type { Decision } from "../../domain/verdict.js";
import { DECISION_NAMES } from "../../domain/vocabulary.js";
import { withDatabase } from "../context.js";

interface ReviewOptions {
  reviewer: string;
  approve?: boolean;
  override?: Decision;
  reason: string;
  verdictHash?: string;
  json?: boolean;
}

export function registerReviewCommand(program: Command): void {
  program
    .command("review <caseId>")
    .description("approve a decided case's verdict, or override its decision, with a reason")
    .requiredOption("--reviewer <name>", "who reviews")
    .option("--approve", "the verdict stands")
    .addOption(
      new Option("--override <decision>", "the decision that stands instead").choices(
        DECISION_NAMES,
      ),
    )
    .requiredOption("--reason <text>", "why")
    .option("--verdict-hash <hash>", "the verdict reviewed (default: the case's latest)")
    .option("--json", "print the review as JSON")
    .action(async (caseId: string, options: ReviewOptions) => {
      if (Boolean(options.approve) === Boolean(options.override))
        throw new AppError(
          "bad_argument",
          "give exactly one of --approve or --override <decision>",
        );
      const { recordReview } = await import("../../db/repositories/reviews.js");
      const review = await withDatabase((db) =>
        recordReview(
          db,
          caseId,
          {
            reviewer: options.reviewer,
            outcome: options.approve ? "approved" : "overridden",
            ...(options.override ? { decision: options.override } : {}),
            reason: options.reason,
            ...(options.verdictHash ? { verdictHash: options.verdictHash } : {}),
          },
          new Date(),
        ),
      );
      if (options.json) console.log(JSON.stringify(review));
      else
        console.log(
          `case ${caseId}: verdict ${review.verdictHash.slice(0, 16)}… ${review.outcome}${review.decision ? ` (decision now ${review.decision})` : ""} by ${review.reviewer}`,
        );
    });
}
