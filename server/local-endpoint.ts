// The running server's door for commands on the same machine. PGlite has one writer
// per data directory, so while `serve` holds it another `casehound investigate` could
// only be refused. Instead `serve` publishes where it listens and a key minted for
// this run only (kept in its memory, never stored in the database) in a file in the
// data directory that only its owner may read; the command hands its case to the
// server through the REST API, and gets the answer a warm process gives at once.
import { chmodSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { isAlive } from "../db/data-dir-lock.js";
import { type ApiKey, mintKey } from "../domain/api-key.js";

export const ENDPOINT_FILE = "casehound.serve.json";
const LOCAL_KEY_ID = "localcommand";

export interface LocalEndpoint {
  pid: number;
  host: string;
  /** Where the REST API listens, reachable from this machine. */
  url: string;
  /** An analyst key valid while this server runs. */
  token: string;
}

/** A key for this server run only: analyst role, held in memory by the authenticator. */
export function mintLocalKey(now: Date): { key: ApiKey; secretHash: string; token: string } {
  // A fixed id, never a minted one (those are hex): the REST API scopes idempotency keys
  // by key id, so an --idempotency-key given to `investigate` means the same case
  // across server restarts. The secret is new each run.
  const { token: minted, secretHash } = mintKey();
  const keyId = LOCAL_KEY_ID;
  const token = minted.replace(/^chk_[a-z0-9]{12}_/, `chk_${keyId}_`);
  const key: ApiKey = {
    keyId,
    name: `local commands (serve pid ${process.pid})`,
    role: "analyst",
    createdAt: now.toISOString(),
    createdBy: "serve",
    revokedAt: null,
  };
  return { key, secretHash, token };
}

/**
 * The URL commands on this machine use for a server listening at `url`: itself when
 * it listens on a loopback address, the loopback address when it listens on every
 * interface, undefined when it listens only on some other address.
 */
export function loopbackUrl(url: string): string | undefined {
  const parsed = new URL(url);
  const host = parsed.hostname;
  if (["127.0.0.1", "[::1]", "localhost"].includes(host)) return `http://${host}:${parsed.port}`;
  if (host === "0.0.0.0") return `http://127.0.0.1:${parsed.port}`;
  if (host === "[::]") return `http://[::1]:${parsed.port}`;
  return undefined;
}

/** Writes the endpoint file (owner-only) and returns how to remove it again. */
export function publishLocalEndpoint(
  dataDir: string,
  endpoint: Omit<LocalEndpoint, "pid" | "host">,
): () => void {
  const path = join(dataDir, ENDPOINT_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  const body: LocalEndpoint = { pid: process.pid, host: hostname(), ...endpoint };
  writeFileSync(temporary, JSON.stringify(body), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return () => {
    try {
      const current = JSON.parse(readFileSync(path, "utf8")) as Partial<LocalEndpoint>;
      if (current.pid === process.pid) unlinkSync(path);
    } catch {
      // already gone or replaced: nothing of ours to remove
    }
  };
}

/** Where a server on this machine serving `dataDir` listens, or undefined (none, or it died). */
export function readLocalEndpoint(dataDir: string): LocalEndpoint | undefined {
  let parsed: Partial<LocalEndpoint>;
  try {
    parsed = JSON.parse(
      readFileSync(join(dataDir, ENDPOINT_FILE), "utf8"),
    ) as Partial<LocalEndpoint>;
  } catch {
    return undefined;
  }
  const { pid, host, url, token } = parsed;
  if (typeof pid !== "number" || typeof url !== "string" || typeof token !== "string")
    return undefined;
  if (host !== hostname() || !isAlive(pid)) return undefined;
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost):\d+$/.test(url)) return undefined;
  return { pid, host, url, token };
}
