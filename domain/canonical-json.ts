// Canonical JSON: object keys sorted, no whitespace, finite numbers only, Dates as
// ISO strings, undefined members dropped. Equal values always give equal text, so
// their hashes can identify evidence and, later, chain audit events.
import { createHash } from "node:crypto";

function normalise(value: unknown): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`cannot canonicalise the number ${value}`);
    return Object.is(value, -0) ? 0 : value;
  }
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value.map((item) => (item === undefined ? null : normalise(item)));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = normalise(member);
    }
    return out;
  }
  throw new TypeError(`cannot canonicalise a ${typeof value}`);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hashOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
