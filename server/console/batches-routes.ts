// The batches pages' routes. Starting a batch calls the same use case as POST
// /v1/batches (server/batch/create.ts); each rendered form is idempotent by its own key.
import { randomBytes } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import { getBatch, listBatches } from "../../db/repositories/batches.js";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import type { Database, Queryable } from "../../db/types.js";
import { allows } from "../../domain/api-key.js";
import { FlaggedSelection } from "../../domain/batch.js";
import { AppError } from "../../domain/errors.js";
import { createBatch } from "../batch/create.js";
import { batchResults } from "../batch/results.js";
import { batchView, getBatchView } from "../batch/view.js";
import type { IntakeDeps } from "../intake.js";
import { batchesPage, batchLive, batchPage, progressBox } from "./batches-page.js";
import { html } from "./html.js";
import { requireCsrf, requireSession, sessionOf } from "./session.js";

/** Result rows a batch page shows. */
export const RESULTS_SHOWN = 500;

export function batchesRoutes(deps: {
  db: Database;
  warehouse: Queryable;
  intake: IntakeDeps;
}): Router {
  const router = Router();
  const urlencoded = express.urlencoded({ extended: false, limit: "8kb" });
  const session = (res: Response) => sessionOf(res) as ConsoleSession;
  const now = () => deps.intake.now();

  async function list(res: Response, status = 200, message?: ReturnType<typeof html>) {
    const { batches } = await listBatches(deps.db, { limit: 20 });
    const views = await Promise.all(batches.map((b) => batchView(deps.db, b, now())));
    res
      .status(status)
      .type("text/html; charset=utf-8")
      .send(batchesPage(session(res), views, message));
  }

  router.get("/console/batches", requireSession, (_req, res) => list(res));

  router.post("/console/batches", urlencoded, requireSession, requireCsrf, async (req, res) => {
    const s = session(res);
    if (!allows(s.role, "submit"))
      return list(
        res,
        403,
        html`<p class="message error" role="alert">Your ${s.role} key may not start batches.</p>`,
      );
    const body = req.body as Record<string, string | undefined>;
    const selection = FlaggedSelection.safeParse({
      ...(body.min_score ? { minScore: Number(body.min_score) } : {}),
      ...(body.flag_source?.trim() ? { flagSource: body.flag_source } : {}),
      limit: Number(body.limit ?? 20),
    });
    if (!selection.success || (selection.data.limit ?? 0) > 100)
      return list(
        res,
        400,
        html`<p class="message error" role="alert">The selection is not valid: at most 100 sellers, a score from 0 to 1.</p>`,
      );
    const created = await createBatch(
      { intake: deps.intake, warehouse: deps.warehouse },
      { kind: "flagged", selection: selection.data },
      {
        actor: `console:${s.keyName} [${s.keyId}]`,
        idempotencyKey: `console:${s.keyId}:${randomBytes(16).toString("hex")}`,
      },
    );
    res.redirect(303, `/console/batches/${encodeURIComponent(created.batch.id)}`);
  });

  router.get("/console/batches/:id", requireSession, async (req: Request<{ id: string }>, res) => {
    const view = await getBatchView(deps.db, req.params.id, now());
    const rows = await batchResults(deps.db, view.id, { limit: RESULTS_SHOWN });
    res.type("text/html; charset=utf-8").send(batchPage(session(res), view, rows));
  });

  router.get(
    "/console/batches/:id/progress",
    requireSession,
    async (req: Request<{ id: string }>, res) => {
      const batch = await getBatch(deps.db, req.params.id);
      if (!batch) throw new AppError("not_found", `no batch ${req.params.id}`);
      res
        .type("text/html; charset=utf-8")
        .send(progressBox(await batchView(deps.db, batch, now())).text);
    },
  );

  router.get(
    "/console/batches/:id/live",
    requireSession,
    async (req: Request<{ id: string }>, res) => {
      const view = await getBatchView(deps.db, req.params.id, now());
      const rows = await batchResults(deps.db, view.id, { limit: RESULTS_SHOWN });
      res.type("text/html; charset=utf-8").send(batchLive(view, rows).text);
    },
  );

  return router;
}
