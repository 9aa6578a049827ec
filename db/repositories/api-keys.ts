// API keys in the store: created (the token is returned once, only its hash is
// kept), listed, revoked, and looked up by id when a request presents one.
import { type ApiKey, mintKey, type Role } from "../../domain/api-key.js";
import { AppError } from "../../domain/errors.js";
import type { Database, Queryable } from "../types.js";

interface KeyRow {
  key_id: string;
  name: string;
  role: Role;
  secret_hash: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
}

function fromRow(row: KeyRow): ApiKey {
  return {
    keyId: row.key_id,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}

export async function createApiKey(
  db: Queryable,
  input: { name: string; role: Role; createdBy: string },
  now: Date,
): Promise<{ key: ApiKey; token: string }> {
  const minted = mintKey();
  const { rows } = await db.query<KeyRow>(
    `INSERT INTO casehound.api_keys (key_id, name, role, secret_hash, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [minted.keyId, input.name, input.role, minted.secretHash, now.toISOString(), input.createdBy],
  );
  return { key: fromRow(rows[0] as KeyRow), token: minted.token };
}

export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  const { rows } = await db.query<KeyRow>(
    "SELECT * FROM casehound.api_keys ORDER BY created_at, key_id",
  );
  return rows.map(fromRow);
}

/** The key and its secret's hash, for checking a presented token; null when unknown. */
export async function findApiKey(
  db: Queryable,
  keyId: string,
): Promise<{ key: ApiKey; secretHash: string } | null> {
  const { rows } = await db.query<KeyRow>("SELECT * FROM casehound.api_keys WHERE key_id = $1", [
    keyId,
  ]);
  const row = rows[0];
  return row ? { key: fromRow(row), secretHash: row.secret_hash } : null;
}

/**
 * Revokes a key (idempotent); not_found when there is no such key. The last active
 * admin key is never revoked (conflict): nobody could manage keys over the API after
 * it. The active admin keys are locked first, so two admins revoking each other at
 * once cannot both succeed.
 */
export async function revokeApiKey(db: Database, keyId: string, now: Date): Promise<ApiKey> {
  return db.transaction(async (tx) => {
    const admins = await tx.query<{ key_id: string }>(
      "SELECT key_id FROM casehound.api_keys WHERE role = 'admin' AND revoked_at IS NULL FOR UPDATE",
    );
    const ids = admins.rows.map((r) => r.key_id);
    if (ids.length === 1 && ids[0] === keyId)
      throw new AppError(
        "conflict",
        `key ${keyId} is the last active admin key; create another admin key (casehound keys create --role admin) before revoking it`,
      );
    const { rows } = await tx.query<KeyRow>(
      `UPDATE casehound.api_keys SET revoked_at = coalesce(revoked_at, $2)
        WHERE key_id = $1 RETURNING *`,
      [keyId, now.toISOString()],
    );
    if (!rows[0]) throw new AppError("not_found", `no API key ${keyId}`);
    return fromRow(rows[0]);
  });
}
