// Signing in and out. An analyst or admin pastes an API key once; it is checked as
// the REST API checks it (constant time, revoked keys refused, failures counted per
// address) and exchanged for a server-side session: the key itself is never kept in
// the browser. The sign-in form has its own CSRF token before any session exists (a
// pre-session cookie the form must echo), so no other site can sign a browser in.
import { randomBytes, timingSafeEqual } from "node:crypto";
import express, { type Request, Router } from "express";
import { findApiKey } from "../../db/repositories/api-keys.js";
import { endSession, openSession } from "../../db/repositories/console-sessions.js";
import type { Database } from "../../db/types.js";
import { parseToken, secretMatches } from "../../domain/api-key.js";
import type { RateLimiter } from "../http/rate-limit.js";
import { html } from "./html.js";
import { page } from "./layout.js";
import {
  clearSessionCookie,
  readCookie,
  requireCsrf,
  requireSession,
  setSessionCookie,
} from "./session.js";

const PRE = "casehound_console_signin";

export interface SignInDeps {
  db: Database;
  now: () => Date;
  failures: RateLimiter;
  sessionMs: number;
  secureCookies: boolean;
}

/** Only a path inside the console: never an absolute URL another site could name. */
export function safeNext(next: unknown): string {
  return typeof next === "string" &&
    /^\/console(\/[\w\-./?=&%]*)?$/.test(next) &&
    !next.includes("//")
    ? next
    : "/console";
}

function form(token: string, next: string, message?: string): string {
  return page(
    { title: "Sign in" },
    html`<h1>Sign in to the casehound console</h1>
${message ? html`<p class="message error" role="alert">${message}</p>` : ""}
<form method="post" action="/console/sign-in">
  <input type="hidden" name="_csrf" value="${token}">
  <input type="hidden" name="next" value="${next}">
  <p><label for="key">API key (analyst or admin)</label>
  <input id="key" name="key" type="password" autocomplete="off" size="70" required></p>
  <p><button type="submit">Sign in</button></p>
</form>
<p class="muted">Make a key with <code>casehound keys create --name you --role analyst</code>.</p>`,
  );
}

function sameToken(a: string | undefined, b: unknown): boolean {
  if (!a || typeof b !== "string") return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signInRoutes(deps: SignInDeps): Router {
  const router = Router();
  const urlencoded = express.urlencoded({ extended: false, limit: "8kb" });

  const show = (req: Request, res: express.Response, status: number, message?: string) => {
    const token = randomBytes(24).toString("base64url");
    res.cookie(PRE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: deps.secureCookies,
      path: "/console/sign-in",
    });
    const next = safeNext(req.body?.next ?? req.query.next);
    res
      .status(status)
      .type("text/html; charset=utf-8")
      .send(form(token, next, message));
  };

  router.get("/console/sign-in", (req, res) => show(req, res, 200));

  router.post("/console/sign-in", urlencoded, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!sameToken(readCookie(req.get("cookie"), PRE), body._csrf))
      return show(req, res, 403, "The sign-in form expired. Try again.");
    const address = req.socket.remoteAddress ?? "unknown";
    const refuse = (message: string) => {
      const wait = deps.failures.take(address);
      if (wait > 0) {
        res.set("Retry-After", String(wait));
        return show(req, res, 429, `Too many failed attempts: wait ${wait} s.`);
      }
      return show(req, res, 401, message);
    };
    const parsed = typeof body.key === "string" ? parseToken(body.key.trim()) : null;
    if (!parsed) return refuse("That is not a casehound API key.");
    const found = await findApiKey(deps.db, parsed.keyId);
    if (!found || !secretMatches(parsed.secret, found.secretHash) || found.key.revokedAt)
      return refuse("That API key is not valid.");
    if (found.key.role === "service")
      return show(
        req,
        res,
        403,
        "Service keys cannot sign in to the console: use an analyst or admin key.",
      );
    const opened = await openSession(deps.db, found.key, deps.now(), deps.sessionMs);
    // Secure whenever the browser reached us over HTTPS (directly, or through a trusted proxy).
    setSessionCookie(res, opened.id, deps.sessionMs, deps.secureCookies || req.secure);
    res.clearCookie(PRE, { path: "/console/sign-in" });
    res.redirect(303, safeNext(body.next));
  });

  router.post("/console/sign-out", urlencoded, requireSession, requireCsrf, async (req, res) => {
    await endSession(deps.db, res.locals.consoleSessionId as string, deps.now());
    clearSessionCookie(res, deps.secureCookies || req.secure);
    res.redirect(303, "/console/sign-in");
  });

  return router;
}
