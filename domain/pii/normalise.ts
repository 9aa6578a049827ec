// The copy of a text that PII detection reads, with a map back to the original's offsets.
// Personal data is written to slip past patterns: full-width or Arabic-Indic digits, a
// non-breaking hyphen or space, a zero-width space inside an e-mail address. Detection
// runs on a copy where each of these reads as its plain ASCII form, and each match is
// mapped back so the redactor replaces the original span and leaves the text around it
// exactly as it was (NFKC would otherwise change non-PII text too).

export interface NormalisedText {
  /** The copy detectors read. */
  text: string;
  /** For each UTF-16 unit of `text`, the original offset of the character it came from. */
  starts: number[];
  /** For each UTF-16 unit of `text`, the original offset just past that character. */
  ends: number[];
}

// Decimal digits of every script come in runs of ten from zero to nine (a Unicode
// stability guarantee), so the value of a digit is its distance from the run's zero.
let zeros: number[] | undefined;
const ND = /\p{Nd}/u;
function digitZeros(): number[] {
  if (zeros) return zeros;
  const found: number[] = [];
  for (let cp = 0x80; cp < 0x20000; cp++) {
    if (!ND.test(String.fromCodePoint(cp))) continue;
    const last = found[found.length - 1];
    if (last === undefined || cp - last >= 10) found.push(cp);
  }
  zeros = found;
  return found;
}

function asciiDigit(cp: number): string | undefined {
  const table = digitZeros();
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const zero = table[mid] ?? 0;
    if (cp < zero) hi = mid - 1;
    else if (cp >= zero + 10) lo = mid + 1;
    else return String(cp - zero);
  }
  return undefined;
}

const SPACE = /[\p{Zs}]/u;
// Dashes that join digits; the em dash and horizontal bar stay, they part sentences.
const DASH = /(?![\u2014\u2015\u2E3A\u2E3B])[\p{Pd}\u2212\u2043\uFE63\uFF0D]/u;
// Zero-width and other format characters (ZWSP, ZWJ, word joiner, BOM, soft hyphen).
const INVISIBLE = /[\p{Cf}]/u;
const DOT = /[\u00B7\u2022\u2024\u2027\u3002\u30FB\uFF61\uFF65]/u;
const SLASH = /[\u2044\u2215\u29F8]/u;
const AT = /[\uFE6B\uFF20]/u;
// JSON escapes read as what they stand for, so data after an escaped newline starts a
// word, and a match that takes one takes it whole (masked JSON stays valid).
const JSON_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

// Ordinal indicators stay: the address grammar reads "nº 7, 2º B" with them.
const KEEP = /[ºª]/u;

function normaliseChar(ch: string, cp: number): string {
  if (cp < 0x80 || KEEP.test(ch)) return ch;
  if (INVISIBLE.test(ch)) return "";
  if (SPACE.test(ch)) return " ";
  if (DASH.test(ch)) return "-";
  if (DOT.test(ch)) return ".";
  if (SLASH.test(ch)) return "/";
  if (AT.test(ch)) return "@";
  const digit = ND.test(ch) ? asciiDigit(cp) : undefined;
  if (digit !== undefined) return digit;
  const nfkc = ch.normalize("NFKC");
  // NFKC may yield characters the rules above still apply to (a full-width hyphen).
  return nfkc === ch
    ? ch
    : Array.from(nfkc, (c) => normaliseChar(c, c.codePointAt(0) ?? 0)).join("");
}

/** `text` as PII detection reads it, with offsets back into `text`. */
export function normaliseForPii(text: string): NormalisedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (piece: string, start: number, end: number) => {
    out.push(piece);
    for (let k = 0; k < piece.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const escaped = ch === "\\" ? JSON_ESCAPES[text[i + 1] ?? ""] : undefined;
    if (escaped !== undefined) {
      push(escaped, i, i + 2);
      i += 2;
      continue;
    }
    push(normaliseChar(ch, cp), i, i + ch.length);
    i += ch.length;
  }
  return { text: out.join(""), starts, ends };
}

/** The original span of the normalised span [start, end). */
export function originalSpan(n: NormalisedText, start: number, end: number): [number, number] {
  return [n.starts[start] ?? 0, n.ends[end - 1] ?? 0];
}
