// GET /console/cases/:id/links — the neighbourhood of the case's seller, as of the
// case's verdict (or the case's as-of, or now).
import { type Request, Router } from "express";
import { getCaseDetail } from "../../db/repositories/case-views.js";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import type { Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { readNeighbourhood, readRingTies } from "./links-data.js";
import { linkGraph } from "./links-graph.js";
import { linksPage } from "./links-page.js";
import { requireSession, sessionOf } from "./session.js";

export function linksRoutes(deps: {
  db: Queryable;
  warehouse: Queryable;
  now: () => Date;
}): Router {
  const router = Router();
  router.get(
    "/console/cases/:id/links",
    requireSession,
    async (req: Request<{ id: string }>, res) => {
      const detail = await getCaseDetail(deps.db, req.params.id);
      if (!detail) throw new AppError("not_found", `no case ${req.params.id}`);
      if (detail.subject.type !== "seller")
        throw new AppError(
          "bad_argument",
          "the links page draws a seller's neighbourhood; this case is about a " +
            detail.subject.type,
        );
      const asOf = detail.verdict?.as_of ?? detail.asOf ?? deps.now().toISOString();
      const shared = await readNeighbourhood(deps.warehouse, detail.subject.id, asOf);
      const ring = await readRingTies(deps.warehouse, detail.subject.id, asOf);
      const graph = linkGraph(detail.subject.id, shared, ring);
      res
        .type("text/html; charset=utf-8")
        .send(
          linksPage(
            sessionOf(res) as ConsoleSession,
            { caseId: detail.id, sellerId: detail.subject.id, asOf },
            graph,
          ),
        );
    },
  );
  return router;
}
