// API keys: who may call the REST API and what they may do. A key reads
// `chk_<keyId>_<secret>`: the id finds the stored row, the secret is checked
// against its hash. Roles are fixed by code: a key can never grant itself more.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ROLE_NAMES } from "./vocabulary.js";

export const Role = z.enum(ROLE_NAMES);
export type Role = z.infer<typeof Role>;

/** What each role may do. Reading cases is open to every role; the rest is not. */
export const PERMISSIONS = {
  submit: ["service", "analyst"],
  read: ["service", "analyst", "admin"],
  review: ["analyst"],
  manage_keys: ["admin"],
  metrics: ["service", "analyst", "admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const KeyName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w .@:-]+$/, "may contain only letters, digits, spaces and _ . @ : -");

export interface ApiKey {
  keyId: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

const KEY_PATTERN = /^chk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new key: its id, the full token shown once, and the hash that is stored. */
export function mintKey(): { keyId: string; token: string; secretHash: string } {
  const keyId = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { keyId, token: `chk_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented token; null when it is not shaped like one of ours. */
export function parseToken(token: string): { keyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(token);
  return match ? { keyId: match[1] as string, secret: match[2] as string } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
