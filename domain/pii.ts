// Personal data in free text: where e-mail addresses, phone numbers, payment cards, IBANs,
// national ids and street addresses occur, so the redactor can replace them before text
// reaches a chat model and the logger can mask them. Pure, no I/O.
// Detection reads a normalised copy (pii/normalise.ts: NFKC, digits of every script,
// every kind of space, dash and invisible character) and maps each match back to the
// original, so replacing it leaves the text around it as it was. Each match carries the
// value its placeholder is keyed on, the same however the datum was written. The
// detectors, one kind a file, are in pii/.
import { addressSpans } from "./pii/address.js";
import { findCards } from "./pii/card.js";
import { findEmails } from "./pii/email.js";
import { findIbans } from "./pii/iban.js";
import { findNationalIds } from "./pii/national-id.js";
import { normaliseForPii, originalSpan } from "./pii/normalise.js";
import type { Found } from "./pii/patterns.js";
import { findPhones } from "./pii/phone.js";
import { shield } from "./pii/shield.js";

export type PiiKind = "email" | "phone" | "card" | "iban" | "national_id" | "address";
export const PII_KINDS: readonly PiiKind[] = [
  "email",
  "phone",
  "card",
  "iban",
  "national_id",
  "address",
];

export interface PiiMatch {
  kind: PiiKind;
  /** Offsets into the text as given. */
  start: number;
  end: number;
  /** The text as given between the offsets. */
  value: string;
  /** The datum however it was written: what a placeholder is keyed on. */
  normalised: string;
}

// Overlaps are settled in this order: the kind whose shape is checked most strictly wins.
const PRIORITY: readonly PiiKind[] = ["email", "iban", "card", "national_id", "phone", "address"];

function candidates(text: string): PiiMatch[] {
  const n = normaliseForPii(text);
  const shielded = shield(n.text);
  const found: PiiMatch[] = [];
  const add = (kind: PiiKind, items: Found[]) => {
    for (const f of items) {
      if (f.end <= f.start) continue;
      const [start, end] = originalSpan(n, f.start, f.end);
      found.push({ kind, start, end, value: text.slice(start, end), normalised: f.key });
    }
  };
  add("email", findEmails(n.text));
  add("iban", findIbans(n.text));
  add("card", findCards(shielded));
  add("national_id", findNationalIds(n.text, shielded));
  add("phone", findPhones(n.text, shielded));
  add(
    "address",
    addressSpans(n.text).map(([start, end]) => ({
      start,
      end,
      key: n.text.slice(start, end).toLowerCase().replace(/\s+/g, " ").trim(),
    })),
  );
  return found;
}

/** Every piece of personal data in `text`, in order, none overlapping. */
export function findPii(text: string): PiiMatch[] {
  const rank = (m: PiiMatch) => PRIORITY.indexOf(m.kind);
  const sorted = candidates(text).sort(
    (a, b) => rank(a) - rank(b) || a.start - b.start || b.end - a.end,
  );
  const kept: PiiMatch[] = [];
  for (const m of sorted) if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Replaces each match with what `replacement` makes of it, then looks again: a value glued
 * to another ("DE89…000/555 123 4567") only stands free once its neighbour is replaced.
 * Replacements must not themselves read as personal data; each pass then shrinks the raw
 * text, so this ends, and what it returns has nothing left to find.
 */
export function replacePii(text: string, replacement: (match: PiiMatch) => string): string {
  let current = text;
  for (let matches = findPii(current); matches.length > 0; matches = findPii(current)) {
    let out = "";
    let at = 0;
    for (const m of matches) {
      out += current.slice(at, m.start) + replacement(m);
      at = m.end;
    }
    current = out + current.slice(at);
  }
  return current;
}

/** `text` with each piece of personal data replaced by its kind, e.g. "[email]", for logs. */
export function maskPii(text: string): string {
  return replacePii(text, (m) => `[${m.kind}]`);
}
