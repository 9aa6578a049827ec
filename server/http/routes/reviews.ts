// POST /v1/cases/:id/reviews — an analyst approves or overrides the verdict, naming
// the verdict's hash (a stale hash is a 409), with a reason. The reviewer is the
// authenticated key, never a name from the body. GET lists the case's reviews.
import { type Request, Router } from "express";
import { getCase } from "../../../db/repositories/cases.js";
import { listReviews, recordReview } from "../../../db/repositories/reviews.js";
import type { Database } from "../../../db/types.js";
import { AppError } from "../../../domain/errors.js";
import type { CaseEvents } from "../../case-events.js";
import { apiKeyOf, requires } from "../auth.js";
import { jsonBody } from "../body.js";
import { methodNotAllowed } from "../problem.js";
import { ReviewBody } from "../schemas.js";
import { parseOr400 } from "../validate.js";

export function reviewRoutes(deps: {
  db: Database;
  events: CaseEvents;
  now: () => Date;
  bodyBytes: number;
}): Router {
  const router = Router();
  router
    .route("/v1/cases/:id/reviews")
    .post(
      requires("review"),
      ...jsonBody(deps.bodyBytes),
      async (req: Request<{ id: string }>, res) => {
        const body = parseOr400(ReviewBody, req.body, "body");
        const key = apiKeyOf(res.locals);
        const review = await recordReview(
          deps.db,
          req.params.id,
          { ...body, reviewer: `${key.name} [${key.keyId}]` },
          deps.now(),
        );
        deps.events.notify(req.params.id);
        res.status(201).location(`/v1/cases/${review.caseId}/reviews`).json(review);
      },
    )
    .get(requires("read"), async (req: Request<{ id: string }>, res) => {
      const caseId = req.params.id;
      if (!(await getCase(deps.db, caseId))) throw new AppError("not_found", `no case ${caseId}`);
      res.json({ caseId, reviews: await listReviews(deps.db, caseId) });
    })
    .all(methodNotAllowed(["GET", "POST"]));
  return router;
}
