// Cases: POST /v1/cases translates the request for intake (server/intake.ts), which
// stores the case (idempotent per key and Idempotency-Key) and queues it; GET /v1/cases lists cases with
// filters and cursor pagination; GET /v1/cases/:id is one case with its verdict.
import { type Request, Router } from "express";
import { getCaseDetail, listCaseSummaries } from "../../../db/repositories/case-views.js";
import type { Database } from "../../../db/types.js";
import { parseSubject } from "../../../domain/case.js";
import { AppError } from "../../../domain/errors.js";
import { type IntakeDeps, submitCase } from "../../intake.js";
import { apiKeyOf, requires } from "../auth.js";
import { jsonBody } from "../body.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { withLinks } from "../links.js";
import { methodNotAllowed } from "../problem.js";
import { CreateCaseBody, IdempotencyKey, ListCasesQuery } from "../schemas.js";
import { parseOr400 } from "../validate.js";

export function caseRoutes(deps: { db: Database; intake: IntakeDeps; bodyBytes: number }): Router {
  const router = Router();

  router
    .route("/v1/cases")
    .post(requires("submit"), ...jsonBody(deps.bodyBytes), async (req, res) => {
      const body = parseOr400(CreateCaseBody, req.body, "body");
      const header = req.get("idempotency-key");
      const key = apiKeyOf(res.locals);
      // Scoped to the API key, so two clients can never collide on (or probe) each other's keys.
      const clientKey =
        header === undefined
          ? undefined
          : parseOr400(IdempotencyKey, header, "header", "Idempotency-Key");
      const { case: stored, replayed } = await submitCase(deps.intake, body, {
        actor: `api:${key.name} [${key.keyId}]`,
        ...(clientKey === undefined
          ? {}
          : { idempotencyKey: `api:${key.keyId}:${clientKey}`, clientKey }),
      });
      const view = await getCaseDetail(deps.db, stored.id);
      if (!view) throw new AppError("internal", `case ${stored.id} vanished after it was stored`);
      res
        .status(202)
        .location(`/v1/cases/${stored.id}`)
        .set(replayed ? { "Idempotent-Replayed": "true" } : {})
        .json(withLinks(view));
    })
    .get(requires("read"), async (req, res) => {
      const query = parseOr400(ListCasesQuery, req.query, "query");
      const { cases, next } = await listCaseSummaries(
        deps.db,
        {
          status: query.status,
          decision: query.decision,
          typology: query.typology,
          subject: query.subject ? parseSubject(query.subject) : undefined,
          createdAfter: query.created_after,
          createdBefore: query.created_before,
        },
        { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : undefined },
      );
      res.json({ cases: cases.map(withLinks), next_cursor: next ? encodeCursor(next) : null });
    })
    .all(methodNotAllowed(["GET", "POST"]));

  router
    .route("/v1/cases/:id")
    .get(requires("read"), async (req: Request<{ id: string }>, res) => {
      const view = await getCaseDetail(deps.db, req.params.id);
      if (!view) throw new AppError("not_found", `no case ${req.params.id}`);
      res.json(withLinks(view));
    })
    .all(methodNotAllowed(["GET"]));

  return router;
}
