// Phone numbers: international (+44 20 7946 0958, 0044 …), national with a trunk zero
// (020 7946 0958, 0612345678), North American (555-123-4567, 5551234567), spelled out
// digit by digit (0 6 1 2 3 4 5 6 7 8), and vanity numbers (1-800-FLOWERS). Keyed on the
// national significant number, so one phone written two ways gets one placeholder.
import { type Found, NUMBER_END, NUMBER_START, SEP } from "./patterns.js";

const PHONE = new RegExp(
  String.raw`${NUMBER_START}\+?(?:\(\+?\d{1,5}\)|\d)(?:${SEP}?(?:\(\d{1,5}\)|\d))*${NUMBER_END}`,
  "gu",
);
// Toll-free and premium prefixes, where vanity numbers live; letters dial as on a keypad.
const VANITY = new RegExp(
  String.raw`${NUMBER_START}(?:\+?1[ .-]?)?\(?(?:8(?:00|33|44|55|66|77|88)|900|080[08])\)?[ .-]?(?=[A-Z0-9]*[A-Z][A-Z0-9]*[ .-]?[A-Z0-9]*(?![\p{L}\p{N}]))[A-Z0-9]{3}[ .-]?[A-Z0-9]{4,7}(?![\p{L}\p{N}])`,
  "gu",
);
const KEYPAD = "22233344455566677778889999";
// Words that say the number after them is a phone even without separators or a plus.
const PHONE_WORD =
  /(?:tel|phone|call|mobile|cell|whats ?app|sms|text|fax|ring|telefon|telefono|téléphone|tél|portable|handy|móvil|movil|cellulare|numero|número|nummer|number|contact|dial)\b\W{0,4}$/i;

// ITU country codes: 1 and 7 are one digit, these are two, every other is three.
const TWO_DIGIT_CC = new Set(
  "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split(
    " ",
  ),
);
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

/** The national significant number: no country code, no trunk prefix. */
export function phoneKey(value: string): string {
  const dialled = value.toUpperCase().replace(/[A-Z]/g, (c) => KEYPAD[c.charCodeAt(0) - 65] ?? "");
  let digits = dialled.replace(/\D/g, "");
  // A vanity number may spell more letters than are dialled (1-800-MATTRESS).
  if (/[A-Z]/i.test(value)) digits = digits.slice(0, /^[01]/.test(digits) ? 11 : 10);
  const international = /^\(?\+/.test(dialled) || (digits.startsWith("00") && digits.length > 11);
  if (international) {
    digits = digits.replace(/^00/, "");
    const cc = /^[17]/.test(digits) ? 1 : TWO_DIGIT_CC.has(digits.slice(0, 2)) ? 2 : 3;
    digits = digits.slice(cc);
  } else if (digits.length === 11 && NANP.test(digits.slice(1)) && digits.startsWith("1")) {
    digits = digits.slice(1);
  }
  return digits.replace(/^0+/, "");
}

function isCompactPhone(digits: string, plus: boolean, labelled: boolean): boolean {
  if (plus || labelled) return true;
  if (digits.startsWith("00")) return digits.length >= 11;
  if (digits.startsWith("0")) return digits.length >= 10 && digits.length <= 11;
  return (
    NANP.test(digits) || (digits.length === 11 && digits[0] === "1" && NANP.test(digits.slice(1)))
  );
}

function isPhone(candidate: string, labelled: boolean): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 15) return false;
  const plus = /^\(?\+/.test(candidate);
  // The "(0)" of "+33 (0)6 12 34 56 78" is the trunk prefix, not a group of the number.
  const groups = candidate.replace(/\(0\)/, "").split(/\D+/).filter(Boolean);
  if (groups.length === 1) return isCompactPhone(digits, plus, labelled);
  const singles = groups.filter((g) => g.length === 1).length;
  // Spelled out digit by digit, perhaps after a country code or area code.
  if (singles >= 6 && groups.length - singles <= 2) return true;
  const longest = Math.max(...groups.map((g) => g.length));
  if (longest > (plus ? 14 : 10)) return false;
  if (groups.slice(plus ? 1 : 0).filter((g) => g.length === 1).length > 1) return false;
  const rest = groups.slice(1);
  if (/[.]/.test(candidate) && !/[ ()/_-]/.test(candidate)) {
    // Dots only: a decimal, an IPv4 address, thousands or a version, unless it has the
    // shape of a phone (555.123.4567, 06.12.34.56.78, 0151.2345678).
    const lengths = groups.map((g) => g.length).join(",");
    if (!plus && lengths !== "3,3,4" && !candidate.startsWith("0")) return false;
    if (groups.length === 2 || rest.every((g) => g.length === 3)) return false;
  }
  if (plus) return true;
  // "1 234 567 890" is an amount written with thin spaces.
  if (groups[0]?.length === 1 && rest.every((g) => g.length === 3)) return false;
  // Pairs are phones only after a trunk zero (06 12 34 56 78); otherwise sizes or a code.
  if (groups.every((g) => g.length === 2) && !candidate.startsWith("0")) return false;
  // Fours without a trunk zero are years or a code, and a date is never a phone's start.
  if (groups.every((g) => g.length === 4) && !candidate.startsWith("0")) return false;
  // Five and four digits joined by a dash are a US ZIP+4 code (62704-1234).
  if (/^\d{5}-\d{4}$/.test(candidate) && !candidate.startsWith("0")) return false;
  if (/^(?:19|20)\d{2}[-./](?:0[1-9]|1[0-2])[-./]/.test(candidate)) return false;
  return true;
}

// A run that is no phone as a whole may be two numbers side by side ("07700 900123 - 42"):
// its parts between wide separators (a dash or slash with spaces, or several spaces).
const WIDE = / {1,3}[./_-] {1,3}| {2,}/g;
function pieces(run: string): Array<{ run: string; at: number }> {
  const parts = [{ run, at: 0 }];
  let at = 0;
  for (const m of run.matchAll(WIDE)) {
    parts.push({ run: run.slice(at, m.index), at });
    at = m.index + m[0].length;
  }
  if (at > 0) parts.push({ run: run.slice(at), at });
  return parts;
}

/** Phone numbers in normalised `text`; `shielded` is the same text with look-alikes blanked. */
export function findPhones(text: string, shielded: string): Found[] {
  const found: Found[] = [];
  for (const m of shielded.matchAll(PHONE))
    for (const piece of pieces(m[0])) {
      const start = m.index + piece.at;
      const labelled = PHONE_WORD.test(text.slice(Math.max(0, start - 24), start));
      if (isPhone(piece.run, labelled))
        found.push({ start, end: start + piece.run.length, key: phoneKey(piece.run) });
    }
  for (const m of shielded.matchAll(VANITY))
    found.push({ start: m.index, end: m.index + m[0].length, key: phoneKey(m[0]) });
  return found;
}
