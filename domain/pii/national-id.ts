// National identity and tax numbers, so an SSN is not taken for a phone: US SSNs
// (123-45-6789), UK National Insurance numbers (AB 12 34 56 C), Spanish DNI/NIE with
// their check letter, Italian codici fiscali, Swedish personnummer (Luhn), French NIR
// (mod-97 key), and any number a label names as one (SSN, BSN, Steuer-ID, PESEL …).
import { luhn } from "./card.js";
import { type Found, NUMBER_END, NUMBER_START, notAfter } from "./patterns.js";

const WORD_START = notAfter(String.raw`\p{L}\p{N}_`);
const WORD_END = String.raw`(?![\p{L}\p{N}_])`;
const SSN = new RegExp(
  String.raw`${NUMBER_START}(?!000|666|9)\d{3}([- ./])(?!00)\d{2}\1(?!0000)\d{4}${NUMBER_END}`,
  "gu",
);
const NINO = new RegExp(
  String.raw`${WORD_START}(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]${WORD_END}`,
  "gu",
);
const DNI = new RegExp(String.raw`${WORD_START}([XYZ]?)-?(\d{7,8})-? ?([A-Z])${WORD_END}`, "gu");
const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
const CODICE_FISCALE = new RegExp(
  String.raw`${WORD_START}[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]${WORD_END}`,
  "giu",
);
const PERSONNUMMER = new RegExp(
  String.raw`${NUMBER_START}(?:19|20)?(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[-+](\d{4})${NUMBER_END}`,
  "gu",
);
const NIR = new RegExp(
  String.raw`${NUMBER_START}([12]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2A|2B) ?(\d{3}) ?(\d{3}) ?(\d{2})${NUMBER_END}`,
  "gu",
);
// A label naming a national or tax id, then the number (digits with separators or letters).
const LABELLED = new RegExp(
  String.raw`(?<=\b(?:SSN|[Ss]ocial [Ss]ecurity(?: [Nn]o\.?| [Nn]umber)?|SIN|NINO|[Nn]ational [Ii]nsurance(?: [Nn]o\.?| [Nn]umber)?|[Nn]ational [Ii][Dd](?: [Nn]umber)?|ID card(?: [Nn]o\.?| [Nn]umber)?|[Pp]assport(?: [Nn]o\.?| [Nn]umber)?|BSN|[Ss]teuer-?ID|[Ss]teuernummer|[Pp]ersonalausweis(?:nummer)?|NIR|DNI|NIE|NIF|[Cc]odice [Ff]iscale|PESEL|[Pp]ersonnummer|[Tt]ax ID|TIN|CPF|CURP|RUT|AHV(?:-Nr\.?)?)\s?[:#]?\s?)[A-Z]{0,3}\d[\d .\/-]{4,18}\d[A-Z]?${WORD_END}`,
  "gu",
);

function nirValid(digits: string): boolean {
  const body = digits.slice(0, 13).replace("2A", "19").replace("2B", "18");
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(digits.slice(13));
}

const push = (found: Found[], m: RegExpMatchArray, key: string) =>
  found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, key });
const compact = (s: string) => s.replace(/[^\dA-Za-z]/g, "").toUpperCase();

/** National ids in normalised `text` (`shielded`: look-alikes blanked, same offsets). */
export function findNationalIds(text: string, shielded: string): Found[] {
  const found: Found[] = [];
  for (const m of shielded.matchAll(SSN)) push(found, m, compact(m[0]));
  for (const m of text.matchAll(NINO)) push(found, m, compact(m[0]));
  for (const m of text.matchAll(DNI)) {
    const [, prefix = "", number = "", letter = ""] = m;
    if (number.length !== (prefix ? 7 : 8)) continue;
    const n = Number(
      `${"XYZ".indexOf(prefix) >= 0 && prefix ? "XYZ".indexOf(prefix) : ""}${number}`,
    );
    if (DNI_LETTERS[n % 23] === letter) push(found, m, compact(m[0]));
  }
  for (const m of text.matchAll(CODICE_FISCALE)) push(found, m, compact(m[0]));
  for (const m of shielded.matchAll(PERSONNUMMER))
    if (luhn(`${m[1]}${m[2]}`)) push(found, m, compact(m[0]).slice(-10));
  for (const m of text.matchAll(NIR)) if (nirValid(compact(m[0]))) push(found, m, compact(m[0]));
  for (const m of text.matchAll(LABELLED)) push(found, m, compact(m[0]));
  return found;
}
