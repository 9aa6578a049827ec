// Payment card numbers: 13 to 19 digits that pass Luhn and start where a network issues,
// compact, grouped by any separator (4111-1111-1111-1111, 4111.1111…, 4111_1111…,
// 4111/1111…) or spelled digit by digit.
import { digitGroups, type Found, NUMBER_START, SEP } from "./patterns.js";

const CARD_RUN = new RegExp(String.raw`${NUMBER_START}\d(?:${SEP}?\d)*(?![\p{L}\p{N}_])`, "gu");

export function luhn(digits: string): boolean {
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

// A 13-digit number with a GS1 check digit is a barcode; 13-digit cards are rare old Visas.
function isEan13(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(12) - 48;
}

/** The leftmost, longest run of whole groups in a number that is a valid card, if any. */
function findCard(run: string): { from: number; to: number } | undefined {
  const groups = digitGroups(run);
  const digits = groups.map((g) => g.digits);
  if (groups.length === 1 || digits.every((d) => d.length === 1)) {
    const compact = digits.join("");
    if (compact.length === 13 && isEan13(compact)) return undefined;
    return isCard([compact], false) ? { from: 0, to: run.length } : undefined;
  }
  // A card has at most six groups (of 3 to 6 digits), which bounds the search.
  for (let i = 0; i < groups.length; i++)
    for (let j = Math.min(groups.length, i + 6); j > i; j--)
      if (isCard(digits.slice(i, j), j - i > 1)) {
        const last = groups[j - 1];
        return { from: groups[i]?.at ?? 0, to: (last?.at ?? 0) + (last?.digits.length ?? 0) };
      }
  return undefined;
}

/** Card numbers in the shielded normalised text. */
export function findCards(shielded: string): Found[] {
  const found: Found[] = [];
  for (const m of shielded.matchAll(CARD_RUN)) {
    const card = findCard(m[0]);
    if (!card) continue;
    const value = m[0].slice(card.from, card.to);
    found.push({
      start: m.index + card.from,
      end: m.index + card.to,
      key: value.replace(/\D/g, ""),
    });
  }
  return found;
}
