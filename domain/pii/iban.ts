// IBANs: a country's exact length and a mod-97 check, compact or with separators of any
// kind between characters (DE89 3704…, DE89-3704-…, DE89.3704…, de89_3704…, DE89/3704…).
import { type Found, notAfter } from "./patterns.js";

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
// One separator, perhaps with a space either side, between two characters of the IBAN.
const SEPARATOR = /^ ?[ ./_-] ?/;

function mod97(iban: string): number {
  let rem = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const v = Number.parseInt(ch, 36);
    rem = (rem * (v > 9 ? 100 : 10) + v) % 97;
  }
  return rem;
}

/** The end of a valid IBAN starting at `start`, and its compact form, or undefined. */
function ibanAt(text: string, start: number): { end: number; compact: string } | undefined {
  const length = IBAN_LENGTHS.get(text.slice(start, start + 2).toUpperCase());
  if (length === undefined) return undefined;
  let compact = "";
  let i = start;
  while (compact.length < length && i < text.length) {
    const ch = text[i] ?? "";
    if (ALNUM.test(ch)) {
      compact += ch;
      i++;
      continue;
    }
    const sep = SEPARATOR.exec(text.slice(i, i + 3))?.[0];
    if (!sep || compact.length === 0 || !ALNUM.test(text[i + sep.length] ?? "")) break;
    i += sep.length;
  }
  if (compact.length !== length || /[\p{L}\p{N}_]/u.test(text[i] ?? "")) return undefined;
  const upper = compact.toUpperCase();
  return mod97(upper) === 1 ? { end: i, compact: upper } : undefined;
}

/** IBANs in normalised `text`. */
export function findIbans(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const iban = ibanAt(text, m.index);
    if (iban) found.push({ start: m.index, end: iban.end, key: iban.compact });
  }
  return found;
}
