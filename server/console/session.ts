// The console's session middleware. The browser holds a session id in an HttpOnly,
// SameSite=Strict cookie scoped to /console; each request looks its session up by the
// id's hash. Every state-changing request must carry the session's CSRF token (a
// synchroniser token: form field `_csrf` or header `X-CSRF-Token`), compared in
// constant time; without it the request is refused before any handler runs.
import { timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { type ConsoleSession, findSession } from "../../db/repositories/console-sessions.js";
import type { Queryable } from "../../db/types.js";

export const COOKIE = "casehound_console";

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(res: Response, id: string, maxAgeMs: number, secure: boolean) {
  res.cookie(COOKIE, id, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/console",
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(res: Response, secure: boolean) {
  res.clearCookie(COOKIE, { httpOnly: true, sameSite: "strict", secure, path: "/console" });
}

export function sessionOf(res: Response): ConsoleSession | undefined {
  return res.locals.consoleSession as ConsoleSession | undefined;
}

/** Loads the request's session (if any) into res.locals.consoleSession. */
export function loadSession(deps: { db: Queryable; now: () => Date }): RequestHandler {
  return async (req, res, next) => {
    const id = readCookie(req.get("cookie"), COOKIE);
    if (id) {
      const session = await findSession(deps.db, id, deps.now());
      if (session) {
        res.locals.consoleSession = session;
        res.locals.consoleSessionId = id;
      }
    }
    next();
  };
}

/** Pages behind sign-in: no session sends the browser to the sign-in page (htmx: a redirect header). */
export const requireSession: RequestHandler = (req, res, next) => {
  if (sessionOf(res)) return next();
  const back = encodeURIComponent(req.originalUrl);
  const target = `/console/sign-in?next=${back}`;
  if (req.get("hx-request")) {
    res.set("HX-Redirect", target).status(401).end();
    return;
  }
  res.redirect(303, target);
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The CSRF token a request presents: the form field or the header htmx sends. */
export function presentedToken(req: Request): string | undefined {
  const field = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === "string") return field;
  return req.get("x-csrf-token") ?? undefined;
}

/** Refuses a state-changing request whose CSRF token is missing or not the session's. */
export const requireCsrf: RequestHandler = (req, res, next) => {
  const session = sessionOf(res);
  const token = presentedToken(req);
  if (session && token && same(token, session.csrfToken)) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send(
      "This form is missing its security token or the token has expired. Reload the page and try again.",
    );
};
