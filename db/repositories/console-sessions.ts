// Console sessions in the store: opened with an API key, found by the hash of the
// cookie's id (the id itself is never stored), ended on sign-out. A session whose
// key was revoked, or that expired or ended, is not found.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../../domain/api-key.js";
import type { Queryable } from "../types.js";

export interface ConsoleSession {
  keyId: string;
  keyName: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

export const sessionHash = (id: string) => createHash("sha256").update(id).digest("hex");

/** Sessions kept after they expire or end, for a look back; older ones are pruned at each sign-in. */
export const KEEP_ENDED_MS = 7 * 24 * 60 * 60 * 1000;

/** Opens a session for a key; returns the id the cookie carries (shown once) and the session. */
export async function openSession(
  db: Queryable,
  key: { keyId: string; name: string; role: Role },
  now: Date,
  lifetimeMs: number,
): Promise<{ id: string; session: ConsoleSession }> {
  const id = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
  await db.query(
    "DELETE FROM casehound.console_sessions WHERE LEAST(expires_at, COALESCE(ended_at, expires_at)) < $1",
    [new Date(now.getTime() - KEEP_ENDED_MS).toISOString()],
  );
  await db.query(
    `INSERT INTO casehound.console_sessions (session_hash, key_id, csrf_token, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [sessionHash(id), key.keyId, csrfToken, now.toISOString(), expiresAt],
  );
  return {
    id,
    session: { keyId: key.keyId, keyName: key.name, role: key.role, csrfToken, expiresAt },
  };
}

/** The live session a cookie's id names, or null. */
export async function findSession(
  db: Queryable,
  id: string,
  now: Date,
): Promise<ConsoleSession | null> {
  const { rows } = await db.query<{
    key_id: string;
    name: string;
    role: Role;
    csrf_token: string;
    expires_at: Date;
  }>(
    `SELECT s.key_id, k.name, k.role, s.csrf_token, s.expires_at
       FROM casehound.console_sessions s JOIN casehound.api_keys k USING (key_id)
      WHERE s.session_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2
        AND k.revoked_at IS NULL`,
    [sessionHash(id), now.toISOString()],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    keyId: row.key_id,
    keyName: row.name,
    role: row.role,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export async function endSession(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    "UPDATE casehound.console_sessions SET ended_at = $2 WHERE session_hash = $1 AND ended_at IS NULL",
    [sessionHash(id), now.toISOString()],
  );
}
