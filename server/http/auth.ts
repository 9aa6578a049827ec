// Authentication and authorisation. A request presents `Authorization: Bearer
// chk_…`; the key is looked up (cached briefly so a busy client does not cost a
// query per request; revocation through this server applies at once, through
// another process within the cache's lifetime) and its secret checked in constant
// time. Addresses that keep failing get 429 instead of 401 past their own limit, so
// keys cannot be guessed at speed. Each key then has its own rate limit.
import type { RequestHandler } from "express";
import { findApiKey } from "../../db/repositories/api-keys.js";
import type { Queryable } from "../../db/types.js";
import {
  type ApiKey,
  allows,
  type Permission,
  parseToken,
  secretMatches,
} from "../../domain/api-key.js";
import { AppError } from "../../domain/errors.js";
import type { RateLimiter } from "./rate-limit.js";

export interface Authenticator {
  middleware: RequestHandler;
  /** Drops a key from the cache (after it is revoked here). */
  forget(keyId: string): void;
}

const CACHE_MS = 5_000;

export function createAuthenticator(deps: {
  db: Queryable;
  perKey: RateLimiter;
  failures: RateLimiter;
  now?: () => number;
  /** A key held only in this process's memory (server/local-endpoint.ts). */
  localKey?: { key: ApiKey; secretHash: string } | undefined;
}): Authenticator {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { key: ApiKey; secretHash: string; at: number }>();

  async function lookup(keyId: string) {
    if (deps.localKey && keyId === deps.localKey.key.keyId) return { ...deps.localKey, at: now() };
    const hit = cache.get(keyId);
    if (hit && now() - hit.at < CACHE_MS) return hit;
    const found = await findApiKey(deps.db, keyId);
    if (!found) {
      cache.delete(keyId);
      return null;
    }
    const entry = { ...found, at: now() };
    cache.set(keyId, entry);
    return entry;
  }

  const rateLimited = (seconds: number, what: string) =>
    new AppError("rate_limited", `${what}; retry in ${seconds} s`, {
      details: { retryAfter: seconds },
    });

  const middleware: RequestHandler = async (req, res, next) => {
    const address = req.socket.remoteAddress ?? "unknown";
    // A valid key is never refused for its address (clients behind one proxy share it);
    // failures are counted per address, and past the limit they get 429 instead of 401.
    const fail = (message: string): never => {
      const wait = deps.failures.take(address);
      if (wait > 0) {
        res.set("Retry-After", String(wait));
        throw rateLimited(wait, "too many failed authentication attempts from this address");
      }
      throw new AppError("unauthenticated", message);
    };
    const header = req.get("authorization");
    if (!header) return fail("send an API key as 'Authorization: Bearer <key>'");
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    const parsed = match ? parseToken(match[1] as string) : null;
    if (!parsed) return fail("the Authorization header does not carry a casehound API key");
    const found = await lookup(parsed.keyId);
    if (!found || !secretMatches(parsed.secret, found.secretHash))
      return fail("the API key is not valid");
    if (found.key.revokedAt) return fail("the API key was revoked");
    const wait = deps.perKey.take(found.key.keyId);
    if (wait > 0) {
      res.set("Retry-After", String(wait));
      throw rateLimited(wait, `key ${found.key.keyId} is over its rate limit`);
    }
    res.locals.apiKey = found.key;
    next();
  };

  return { middleware, forget: (keyId) => cache.delete(keyId) };
}

/** The authenticated key of a request (set by the authenticator). */
export function apiKeyOf(locals: Record<string, unknown>): ApiKey {
  const key = locals.apiKey as ApiKey | undefined;
  if (!key) throw new AppError("unauthenticated", "no API key on this request");
  return key;
}

export function requires(permission: Permission): RequestHandler {
  return (_req, res, next) => {
    const key = apiKeyOf(res.locals);
    if (!allows(key.role, permission))
      throw new AppError(
        "forbidden",
        `${/^[aeiou]/.test(key.role) ? "an" : "a"} ${key.role} key may not ${permission.replace("_", " ")}`,
      );
    next();
  };
}
