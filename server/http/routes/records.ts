// A case's record: GET /v1/cases/:id/evidence (the latest verdict's evidence),
// /audit (the hash chain, recomputed with ?verify=true) and /report (Markdown or
// HTML, chosen by the Accept header).
import { type Request, type Response, Router } from "express";
import { readAuditChain } from "../../../db/repositories/audit.js";
import { getCase } from "../../../db/repositories/cases.js";
import { listReviews } from "../../../db/repositories/reviews.js";
import { latestVerdict } from "../../../db/repositories/runs.js";
import type { Database } from "../../../db/types.js";
import { verifyChain } from "../../../domain/audit.js";
import { AppError } from "../../../domain/errors.js";
import { buildReport } from "../../../domain/report/build.js";
import { reportHtml } from "../../../domain/report/html.js";
import { reportMarkdown } from "../../../domain/report/markdown.js";
import { requires } from "../auth.js";
import { methodNotAllowed } from "../problem.js";
import { AuditQuery } from "../schemas.js";
import { parseOr400 } from "../validate.js";

type ById = Request<{ id: string }>;

export function recordRoutes(deps: { db: Database }): Router {
  const router = Router();

  async function existing(caseId: string) {
    const found = await getCase(deps.db, caseId);
    if (!found) throw new AppError("not_found", `no case ${caseId}`);
    return found;
  }

  router
    .route("/v1/cases/:id/evidence")
    .get(requires("read"), async (req: ById, res: Response) => {
      const caseId = req.params.id;
      await existing(caseId);
      const decided = await latestVerdict(deps.db, caseId);
      res.json({
        caseId,
        runId: decided?.runId ?? null,
        verdictHash: decided?.verdictHash ?? null,
        evidence: decided?.evidence ?? [],
      });
    })
    .all(methodNotAllowed(["GET"]));

  router
    .route("/v1/cases/:id/audit")
    .get(requires("read"), async (req: ById, res: Response) => {
      const query = parseOr400(AuditQuery, req.query, "query");
      const caseId = req.params.id;
      await existing(caseId);
      const events = await readAuditChain(deps.db, caseId);
      res.json({
        caseId,
        events,
        ...(query.verify === "true" ? { verification: verifyChain(caseId, events) } : {}),
      });
    })
    .all(methodNotAllowed(["GET"]));

  router
    .route("/v1/cases/:id/report")
    .get(requires("read"), async (req: ById, res: Response) => {
      const format = req.accepts(["text/markdown", "text/html"]);
      if (!format) throw new AppError("not_acceptable", "the report is text/markdown or text/html");
      const caseId = req.params.id;
      const { status } = await existing(caseId);
      const decided = await latestVerdict(deps.db, caseId);
      if (!decided)
        throw new AppError("conflict", `case ${caseId} has no verdict yet (it is ${status})`);
      const report = buildReport({
        verdict: decided.verdict,
        evidence: decided.evidence,
        reviews: await listReviews(deps.db, caseId),
      });
      res.vary("Accept");
      if (format === "text/html") res.type("text/html; charset=utf-8").send(reportHtml(report));
      else res.type("text/markdown; charset=utf-8").send(reportMarkdown(report));
    })
    .all(methodNotAllowed(["GET"]));

  return router;
}
