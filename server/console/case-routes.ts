// The case pages' routes. A review goes through the same use case the REST API's
// POST /v1/cases/:id/reviews calls (recordReview: verdict hash bound, audited); the
// badge re-verifies the chain as GET /v1/cases/:id/audit?verify=true does; replay is
// the replay `casehound replay` runs. Every POST needs the session's CSRF token.
import express, { type Request, type Response, Router } from "express";
import { replayCase } from "../../controller/replay.js";
import { readAuditChain } from "../../db/repositories/audit.js";
import { assignCase, assignNextCase } from "../../db/repositories/case-assignments.js";
import { getCase } from "../../db/repositories/cases.js";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { recordReview } from "../../db/repositories/reviews.js";
import type { Database } from "../../db/types.js";
import { allows } from "../../domain/api-key.js";
import { verifyChain } from "../../domain/audit.js";
import { AppError } from "../../domain/errors.js";
import type { CaseEvents } from "../case-events.js";
import { replayResult, timeline, verificationBadge } from "./case-audit.js";
import { casePage } from "./case-page.js";
import { loadCaseView } from "./case-view.js";
import { html } from "./html.js";
import { requireCsrf, requireSession, sessionOf } from "./session.js";

type ById = Request<{ id: string }>;

export interface CaseRouteDeps {
  db: Database;
  events: CaseEvents;
  now: () => Date;
}

const who = (s: ConsoleSession) => ({ keyId: s.keyId, name: `${s.keyName} [${s.keyId}]` });

export function caseRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "32kb" });
  const session = (res: Response) => sessionOf(res) as ConsoleSession;

  async function show(req: ById, res: Response, status = 200, message?: ReturnType<typeof html>) {
    const view = await loadCaseView(deps.db, req.params.id);
    if (!view) throw new AppError("not_found", `no case ${req.params.id}`);
    res
      .status(status)
      .type("text/html; charset=utf-8")
      .send(casePage(view, session(res), message));
  }

  router.get("/console/cases/:id", requireSession, (req: ById, res) => show(req, res));

  router.get("/console/cases/:id/timeline", requireSession, async (req: ById, res) => {
    const found = await getCase(deps.db, req.params.id);
    if (!found) throw new AppError("not_found", `no case ${req.params.id}`);
    const events = await readAuditChain(deps.db, req.params.id);
    res.type("text/html; charset=utf-8").send(timeline(found.id, found.status, events).text);
  });

  router.post(
    "/console/cases/:id/verify",
    form,
    requireSession,
    requireCsrf,
    async (req: ById, res) => {
      if (!(await getCase(deps.db, req.params.id)))
        throw new AppError("not_found", `no case ${req.params.id}`);
      const events = await readAuditChain(deps.db, req.params.id);
      const checked = verifyChain(req.params.id, events);
      res
        .type("text/html; charset=utf-8")
        .send(verificationBadge(req.params.id, checked, deps.now().toISOString()).text);
    },
  );

  router.post(
    "/console/cases/:id/replay",
    form,
    requireSession,
    requireCsrf,
    async (req: ById, res) => {
      let report: Awaited<ReturnType<typeof replayCase>> | { error: string };
      try {
        report = await replayCase(deps.db, req.params.id);
      } catch (error) {
        report = { error: error instanceof Error ? error.message : String(error) };
      }
      res.type("text/html; charset=utf-8").send(replayResult(req.params.id, report).text);
    },
  );

  router.post(
    "/console/cases/:id/assign",
    form,
    requireSession,
    requireCsrf,
    async (req: ById, res) => {
      await assignCase(deps.db, req.params.id, who(session(res)), deps.now());
      deps.events.notify(req.params.id);
      res.redirect(303, `/console/cases/${encodeURIComponent(req.params.id)}`);
    },
  );

  router.post("/console/next", form, requireSession, requireCsrf, async (_req, res) => {
    const caseId = await assignNextCase(deps.db, who(session(res)), deps.now());
    if (caseId) deps.events.notify(caseId);
    res.redirect(303, caseId ? `/console/cases/${encodeURIComponent(caseId)}` : "/console?none=1");
  });

  router.post(
    "/console/cases/:id/review",
    form,
    requireSession,
    requireCsrf,
    async (req: ById, res) => {
      const s = session(res);
      if (!allows(s.role, "review"))
        return show(
          req,
          res,
          403,
          html`<p class="message error" role="alert">Your ${s.role} key may not review cases.</p>`,
        );
      const body = req.body as Record<string, string | undefined>;
      try {
        await recordReview(
          deps.db,
          req.params.id,
          {
            reviewer: `${s.keyName} [${s.keyId}]`,
            outcome: body.outcome as "approved",
            ...(body.decision ? { decision: body.decision as "fraud" } : {}),
            reason: body.reason ?? "",
            verdictHash: body.verdict_hash ?? "",
          },
          deps.now(),
        );
      } catch (error) {
        if (!(error instanceof AppError) || !["conflict", "bad_argument"].includes(error.code))
          throw error;
        const stale = error.code === "conflict" && /names verdict/.test(error.message);
        const message = stale
          ? html`<div class="message error" role="alert"><p><strong>This page is stale:</strong> the verdict changed since you opened it, so your review was not recorded. Read the current verdict below and review again.</p><p class="muted">${error.message}</p></div>`
          : html`<p class="message error" role="alert">The review was not recorded: ${error.message}</p>`;
        return show(req, res, error.code === "conflict" ? 409 : 400, message);
      }
      deps.events.notify(req.params.id);
      res.redirect(303, `/console/cases/${encodeURIComponent(req.params.id)}?reviewed=1`);
    },
  );

  return router;
}
