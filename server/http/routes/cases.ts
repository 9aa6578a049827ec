// Intake and reading: POST /v1/cases stores a case (idempotent per key and
// Idempotency-Key) and queues its investigation; GET /v1/cases lists cases with
// filters and cursor pagination; GET /v1/cases/:id is one case with its verdict.
import { type Request, Router } from "express";
import { getCaseDetail, listCaseSummaries } from "../../../db/repositories/case-views.js";
import { createCase } from "../../../db/repositories/cases.js";
import type { Database } from "../../../db/types.js";
import type { CaseInput } from "../../../domain/case.js";
import { AppError, isAppError } from "../../../domain/errors.js";
import type { CaseEvents } from "../../case-events.js";
import type { CaseQueue } from "../../worker/case-queue.js";
import { apiKeyOf, requires } from "../auth.js";
import { jsonBody } from "../body.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { withLinks } from "../links.js";
import { methodNotAllowed } from "../problem.js";
import { CreateCaseBody, IdempotencyKey, ListCasesQuery } from "../schemas.js";
import { parseOr400 } from "../validate.js";

export function caseRoutes(deps: {
  db: Database;
  queue: CaseQueue;
  events: CaseEvents;
  now: () => Date;
  bodyBytes: number;
  admit: (request: CaseInput) => Promise<void>;
}): Router {
  const router = Router();

  router
    .route("/v1/cases")
    .post(requires("submit"), ...jsonBody(deps.bodyBytes), async (req, res) => {
      const body = parseOr400(CreateCaseBody, req.body, "body");
      // An as-of outside the warehouse's data is refused here, before anything is stored.
      await deps.admit(body);
      const header = req.get("idempotency-key");
      const key = apiKeyOf(res.locals);
      // Scoped to the API key, so two clients can never collide on (or probe) each other's keys.
      const clientKey =
        header === undefined
          ? undefined
          : parseOr400(IdempotencyKey, header, "header", "Idempotency-Key");
      const { case: stored, created } = await createCase(deps.db, body, {
        actor: `api:${key.name} [${key.keyId}]`,
        ...(clientKey === undefined
          ? {}
          : { idempotencyKey: `api:${key.keyId}:${clientKey}`, clientKey }),
        now: deps.now,
      });
      if (created) deps.events.notify(stored.id);
      if (stored.status === "queued") {
        try {
          deps.queue.enqueue(stored.id);
        } catch (error) {
          // Stopping: the case is stored as queued and the next start picks it up.
          if (!isAppError(error, "unavailable")) throw error;
        }
      }
      const view = await getCaseDetail(deps.db, stored.id);
      if (!view) throw new AppError("internal", `case ${stored.id} vanished after it was stored`);
      res
        .status(202)
        .location(`/v1/cases/${stored.id}`)
        .set(created ? {} : { "Idempotent-Replayed": "true" })
        .json(withLinks(view));
    })
    .get(requires("read"), async (req, res) => {
      const query = parseOr400(ListCasesQuery, req.query, "query");
      const [type, ...rest] = query.subject?.split(":") ?? [];
      const { cases, next } = await listCaseSummaries(
        deps.db,
        {
          status: query.status,
          decision: query.decision,
          typology: query.typology,
          subject: type ? { type, id: rest.join(":") } : undefined,
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
