// Personal data in free text: where e-mail addresses, phone numbers, payment cards, IBANs
// and street addresses (their grammar is in pii-address.ts) occur, so the redactor can
// replace them before text reaches a chat model and the logger can mask them. Pure, no I/O.
// Numbers are only called cards or IBANs when their check digits agree, and dates, amounts,
// addresses of machines and ids are blanked out before phone and card scanning so their
// digits cannot pass for either.
import { addressSpans, notAfter } from "./pii-address.js";

export type PiiKind = "email" | "phone" | "card" | "iban" | "address";
export const PII_KINDS: readonly PiiKind[] = ["email", "phone", "card", "iban", "address"];

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
  normalised: string;
}

// Overlaps are settled in this order: the kind whose shape is checked most strictly wins.
const PRIORITY: readonly PiiKind[] = ["email", "iban", "card", "phone", "address"];

const EMAIL = new RegExp(
  String.raw`${notAfter(String.raw`\p{L}\p{N}._%+-`)}[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])`,
  "gu",
);

// Shapes whose digits look like phones or cards but are not personal data. Blanked with "_",
// a word character, so nothing next to a blanked span can start or end a match either.
const CURRENCY = String.raw`(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|PLN|SEK|NOK|DKK|CZK|HUF)\b)`;
const AMOUNT = String.raw`\d{1,3}(?:[,.'\u00a0 ]\d{3})*(?:[.,]\d{1,2})?`;
const LOOKALIKES: readonly RegExp[] = [
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  /(?<!\d)(?:\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:(?:T\d{2}:?\d{2}(?::?\d{2})?|[ T]\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?(?![./-]?\d)/g,
  /(?<![\d./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./]\d{1,2}[./]\d{1,2})(?![./-]?\d)/g,
  /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g,
  /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d|\.\d)/g,
  /(?<![\p{L}\p{N}_])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![\p{L}\p{N}_])/giu,
  new RegExp(String.raw`${CURRENCY}\s?${AMOUNT}(?!\d)`, "g"),
  new RegExp(String.raw`(?<![\d.,])${AMOUNT}\s?${CURRENCY}`, "g"),
  /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|[.,]\d)/g,
  /(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)/g,
  /(?<![\d.,])\d+[.,]\d+(?!\d|[.,]\d)/g,
];

function shield(text: string): string {
  let out = text;
  for (const re of LOOKALIKES) out = out.replace(re, (m) => "_".repeat(m.length));
  return out;
}

// Not glued to a word, an id like s_000123 or ord-123, a "#", or the tail of another number.
const NUMBER_START = String.raw`${notAfter(String.raw`\p{L}\p{N}_#+`)}(?<![\p{L}\p{N}_][_/-])(?<!\p{N}[.,:])`;
const NUMBER_END = String.raw`(?![\p{L}\p{N}_])(?![ .,:/-]?\p{N})`;
const PHONE = new RegExp(
  String.raw`${NUMBER_START}\+?(?:\(\+?\d{1,5}\)|\d)(?:[ \u00a0./-]?(?:\(\d{1,5}\)|\d))*${NUMBER_END}`,
  "gu",
);
const CARD_RUN = new RegExp(String.raw`${NUMBER_START}\d(?:[ -]?\d)*(?![\p{L}\p{N}_])`, "gu");

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 15) return false;
  const plus = /^\(?\+/.test(candidate);
  const groups = candidate.split(/\D+/).filter(Boolean);
  if (!plus && groups.length < 2) return false;
  const longest = Math.max(...groups.map((g) => g.length));
  if (longest > (plus ? 14 : 10)) return false;
  if (groups.slice(plus ? 1 : 0).filter((g) => g.length === 1).length > 1) return false;
  const rest = groups.slice(1);
  if (candidate.includes(".") && !/[ \u00a0()/-]/.test(candidate)) {
    // Dots only: a decimal, an IPv4 address or thousands, never a phone.
    if (groups.length === 2 || rest.every((g) => g.length === 3)) return false;
    if (groups.length === 4 && groups.every((g) => g.length <= 3)) return false;
  }
  // "1 234 567 890" is an amount written with thin spaces.
  if (!plus && groups[0]?.length === 1 && rest.every((g) => g.length === 3)) return false;
  return true;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// Payment networks issue from 2221–2720 and 3–6; ruling out the rest keeps millisecond
// timestamps and compact dates from passing the one-in-ten Luhn chance.
function isCard(groups: string[], separated: boolean): boolean {
  const digits = groups.join("");
  if (digits.length < 13 || digits.length > 19) return false;
  const iin = Number(digits.slice(0, 4));
  if (!/^[3-6]/.test(digits) && !(iin >= 2221 && iin <= 2720)) return false;
  if (separated && (groups[0]?.length !== 4 || groups.some((g) => g.length < 3 || g.length > 6)))
    return false;
  return luhn(digits);
}

/** The leftmost, longest run of whole groups in a number that is a valid card, if any. */
function findCard(run: string): { from: number; to: number } | undefined {
  const separators = new Set(run.match(/[ -]/g) ?? []);
  if (separators.size > 1) return undefined;
  if (separators.size === 0) return isCard([run], false) ? { from: 0, to: run.length } : undefined;
  const groups = run.split(/[ -]/);
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < groups.length; at += (groups[i]?.length ?? 0) + 1, i++)
    offsets.push(at);
  // A card has at most six groups (of 3 to 6 digits), which bounds the search.
  for (let i = 0; i < groups.length; i++)
    for (let j = Math.min(groups.length, i + 6); j > i; j--)
      if (isCard(groups.slice(i, j), j - i > 1)) {
        const from = offsets[i] ?? 0;
        return { from, to: (offsets[j - 1] ?? 0) + (groups[j - 1]?.length ?? 0) };
      }
  return undefined;
}

// Lengths by country, from the SWIFT IBAN registry; an IBAN must have exactly its length.
const IBAN_LENGTHS = new Map(
  (
    "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 " +
    "EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 " +
    "IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 " +
    "NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 " +
    "TN24 TR26 UA29 VA22 VG24 XK20"
  )
    .split(" ")
    .map((e) => [e.slice(0, 2), Number(e.slice(2))] as const),
);
const IBAN_START = new RegExp(
  String.raw`${notAfter(String.raw`\p{L}\p{N}_`)}[A-Za-z]{2}\d{2}`,
  "gu",
);
const ALNUM = /[A-Za-z0-9]/;

function mod97(iban: string): number {
  let rem = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const v = Number.parseInt(ch, 36);
    rem = (rem * (v > 9 ? 100 : 10) + v) % 97;
  }
  return rem;
}

/** The end of a valid IBAN starting at `start` (spaces allowed between groups of 4), or -1. */
function ibanEnd(text: string, start: number): number {
  const length = IBAN_LENGTHS.get(text.slice(start, start + 2).toUpperCase());
  if (length === undefined) return -1;
  let compact = "";
  let i = start;
  while (compact.length < length && i < text.length) {
    const ch = text[i] ?? "";
    if (ALNUM.test(ch)) compact += ch;
    else if (!(ch === " " && compact.length % 4 === 0 && ALNUM.test(text[i + 1] ?? ""))) break;
    i++;
  }
  if (compact.length !== length || /[\p{L}\p{N}_]/u.test(text[i] ?? "")) return -1;
  return mod97(compact.toUpperCase()) === 1 ? i : -1;
}

function normalise(kind: PiiKind, value: string): string {
  switch (kind) {
    case "email":
      return value.toLowerCase();
    case "phone":
      return (/^\(?\+/.test(value) ? "+" : "") + value.replace(/\D/g, "");
    case "card":
      return value.replace(/\D/g, "");
    case "iban":
      return value.replace(/\s/g, "").toUpperCase();
    case "address":
      return value.toLowerCase().replace(/\s+/g, " ").trim();
  }
}

function candidates(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const add = (kind: PiiKind, start: number, end: number) => {
    const value = text.slice(start, end);
    found.push({ kind, start, end, value, normalised: normalise(kind, value) });
  };
  for (const m of text.matchAll(EMAIL)) add("email", m.index, m.index + m[0].length);
  for (const m of text.matchAll(IBAN_START)) {
    const end = ibanEnd(text, m.index);
    if (end > 0) add("iban", m.index, end);
  }
  const shielded = shield(text);
  for (const m of shielded.matchAll(CARD_RUN)) {
    const card = findCard(m[0]);
    if (card) add("card", m.index + card.from, m.index + card.to);
  }
  for (const m of shielded.matchAll(PHONE))
    if (isPhone(m[0])) add("phone", m.index, m.index + m[0].length);
  for (const [start, end] of addressSpans(text)) add("address", start, end);
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
