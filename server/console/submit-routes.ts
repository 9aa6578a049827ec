// Submitting a case from the console: a form that calls intake like every other door.
// Each rendered form carries its own idempotency key, so a double click or a resent
// form stores one case.
import { randomBytes } from "node:crypto";
import express, { type Response, Router } from "express";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { allows } from "../../domain/api-key.js";
import { AppError } from "../../domain/errors.js";
import { TYPOLOGIES } from "../../domain/typology.js";
import { type IntakeDeps, submitCase } from "../intake.js";
import { type Html, html } from "./html.js";
import { page } from "./layout.js";
import { requireCsrf, requireSession, sessionOf } from "./session.js";

function form(session: ConsoleSession, message?: Html): string {
  const key = randomBytes(16).toString("hex");
  const body = allows(session.role, "submit")
    ? html`${message ?? ""}
<form method="post" action="/console/submit">
<input type="hidden" name="_csrf" value="${session.csrfToken}">
<input type="hidden" name="form_key" value="${key}">
<p><label for="s-type">Subject type</label><select id="s-type" name="subject_type">
<option value="seller">seller</option><option value="buyer">buyer</option><option value="order">order</option></select></p>
<p><label for="s-id">Subject id</label><input id="s-id" name="subject_id" required maxlength="128" size="30"></p>
<p><label for="s-allegation">Allegation</label><textarea id="s-allegation" name="allegation" required rows="4" cols="80" maxlength="4000"></textarea></p>
<p><label for="s-priority">Priority</label><select id="s-priority" name="priority">
${["normal", "low", "high", "urgent"].map((p) => html`<option value="${p}">${p}</option>`)}</select></p>
<fieldset><legend>Suspected typologies (optional)</legend>
${TYPOLOGIES.map((t) => html`<input type="checkbox" id="s-t-${t}" name="typology" value="${t}"> <label for="s-t-${t}" class="inline-label">${t.replaceAll("_", " ")}</label> `)}
</fieldset>
<p><button type="submit">Submit the case</button></p></form>`
    : html`<p>Your ${session.role} key may read cases but not submit them.</p>`;
  return page(
    { title: "Submit a case", session, current: "submit" },
    html`<h1>Submit a case</h1>${body}`,
  );
}

export function submitRoutes(deps: { intake: IntakeDeps }): Router {
  const router = Router();
  const urlencoded = express.urlencoded({ extended: false, limit: "32kb" });
  const session = (res: Response) => sessionOf(res) as ConsoleSession;

  router.get("/console/submit", requireSession, (_req, res) => {
    res.type("text/html; charset=utf-8").send(form(session(res)));
  });

  router.post("/console/submit", urlencoded, requireSession, requireCsrf, async (req, res) => {
    const s = session(res);
    if (!allows(s.role, "submit"))
      throw new AppError("forbidden", `a ${s.role} key may not submit cases`);
    const body = req.body as Record<string, string | string[] | undefined>;
    const hints = body.typology === undefined ? [] : ([] as string[]).concat(body.typology);
    const formKey =
      typeof body.form_key === "string" && /^[0-9a-f]{32}$/.test(body.form_key)
        ? body.form_key
        : undefined;
    try {
      const { case: stored } = await submitCase(
        deps.intake,
        {
          subject: {
            type: body.subject_type,
            id: typeof body.subject_id === "string" ? body.subject_id.trim() : "",
          },
          allegation: body.allegation,
          priority: body.priority,
          typologyHints: hints,
        },
        {
          actor: `console:${s.keyName} [${s.keyId}]`,
          ...(formKey ? { idempotencyKey: `console:${s.keyId}:${formKey}` } : {}),
        },
      );
      res.redirect(303, `/console/cases/${encodeURIComponent(stored.id)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !["bad_argument", "conflict"].includes(error.code))
        throw error;
      res
        .status(400)
        .type("text/html; charset=utf-8")
        .send(
          form(
            s,
            html`<p class="message error" role="alert">The case was not submitted: ${error.message}</p>`,
          ),
        );
    }
  });
  return router;
}
