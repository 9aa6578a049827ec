// Batches: POST /v1/batches translates the request for the batch use case
// (server/batch/create.ts: rows chosen, stored, each submitted through intake;
// idempotent per API key and Idempotency-Key); GET lists batches; GET /:id is one
// batch with its progress; GET /:id/results pages its rows in order; POST
// /:id/cancel cancels its queued cases (running ones finish).
import { type Request, Router } from "express";
import { listBatches } from "../../../db/repositories/batches.js";
import type { Database } from "../../../db/types.js";
import { createBatch } from "../../../server/batch/create.js";
import { batchResults } from "../../../server/batch/results.js";
import {
  type BatchView,
  batchView,
  cancelBatch,
  getBatchView,
} from "../../../server/batch/view.js";
import type { IntakeDeps } from "../../intake.js";
import { apiKeyOf, requires } from "../auth.js";
import { jsonBody } from "../body.js";
import { methodNotAllowed } from "../problem.js";
import { IdempotencyKey } from "../schemas.js";
import { parseOr400 } from "../validate.js";
import {
  decodeBatchCursor,
  decodePositionCursor,
  encodeBatchCursor,
  encodePositionCursor,
} from "./batches-cursor.js";
import { BatchResultsQuery, CreateBatchBody, ListBatchesQuery } from "./batches-schemas.js";

export function batchLinks(batchId: string): Record<string, string> {
  const self = `/v1/batches/${encodeURIComponent(batchId)}`;
  return { self, results: `${self}/results`, events: `${self}/events`, cancel: `${self}/cancel` };
}

const withLinks = (view: BatchView) => ({ ...view, links: batchLinks(view.id) });

export function batchRoutes(deps: {
  db: Database;
  /** Where risk.flags is read (the warehouse; by default the app database). */
  warehouse: Database;
  intake: IntakeDeps;
  bodyBytes: number;
}): Router {
  const router = Router();
  const now = () => deps.intake.now();

  router
    .route("/v1/batches")
    .post(requires("submit"), ...jsonBody(deps.bodyBytes), async (req, res) => {
      const body = parseOr400(CreateBatchBody, req.body, "body");
      const header = req.get("idempotency-key");
      const key = apiKeyOf(res.locals);
      // Scoped to the API key, as for cases: clients never collide on (or probe) each other's keys.
      const clientKey =
        header === undefined
          ? undefined
          : parseOr400(IdempotencyKey, header, "header", "Idempotency-Key");
      const created = await createBatch(
        { intake: deps.intake, warehouse: deps.warehouse },
        body.flagged
          ? { kind: "flagged", selection: body.flagged }
          : { kind: "subjects", rows: body.subjects ?? [] },
        {
          actor: `api:${key.name} [${key.keyId}]`,
          ...(clientKey === undefined
            ? {}
            : { idempotencyKey: `api:${key.keyId}:${clientKey}`, clientKey }),
        },
      );
      const view = await batchView(deps.db, created.batch, now());
      res
        .status(202)
        .location(`/v1/batches/${view.id}`)
        .set(created.replayed ? { "Idempotent-Replayed": "true" } : {})
        .json(withLinks(view));
    })
    .get(requires("read"), async (req, res) => {
      const query = parseOr400(ListBatchesQuery, req.query, "query");
      const { batches, next } = await listBatches(deps.db, {
        limit: query.limit,
        ...(query.cursor ? { after: decodeBatchCursor(query.cursor) } : {}),
      });
      const views = [];
      for (const batch of batches) views.push(withLinks(await batchView(deps.db, batch, now())));
      res.json({ batches: views, next_cursor: next ? encodeBatchCursor(next) : null });
    })
    .all(methodNotAllowed(["GET", "POST"]));

  router
    .route("/v1/batches/:id")
    .get(requires("read"), async (req: Request<{ id: string }>, res) => {
      res.json(withLinks(await getBatchView(deps.db, req.params.id, now())));
    })
    .all(methodNotAllowed(["GET"]));

  router
    .route("/v1/batches/:id/results")
    .get(requires("read"), async (req: Request<{ id: string }>, res) => {
      const query = parseOr400(BatchResultsQuery, req.query, "query");
      const view = await getBatchView(deps.db, req.params.id, now());
      const after = query.cursor ? decodePositionCursor(query.cursor) : 0;
      // One more than asked says whether another page follows.
      const rows = await batchResults(deps.db, view.id, {
        limit: query.limit + 1,
        afterPosition: after,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      res.json({
        batchId: view.id,
        results: page,
        next_cursor: rows.length > query.limit && last ? encodePositionCursor(last.position) : null,
      });
    })
    .all(methodNotAllowed(["GET"]));

  router
    .route("/v1/batches/:id/cancel")
    .post(requires("submit"), async (req: Request<{ id: string }>, res) => {
      const key = apiKeyOf(res.locals);
      const { view, cancelledCases } = await cancelBatch(
        deps.db,
        req.params.id,
        `api:${key.name} [${key.keyId}]`,
        now(),
      );
      res.json({ batch: withLinks(view), cancelledCases });
    })
    .all(methodNotAllowed(["POST"]));

  return router;
}
