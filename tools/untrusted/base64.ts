// Finds base64 runs in untrusted text that decode to readable text, so an instruction
// encoded to slip past a phrase list is scanned like any other. SKUs, tracking codes,
// hashes and embedded images also look like base64; they decode to bytes that are not
// readable UTF-8 text and are left alone.

export interface DecodedRun {
  /** The readable text the run decodes to. */
  text: string;
  /** Span of the encoded run in the original text. */
  start: number;
  end: number;
}

// 16 characters encode 12 bytes: shorter runs are ordinary words and codes.
const RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g;
const MAX_RUNS = 32;
const MAX_RUN_CHARS = 16_384;
const READABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]/u;
const LETTER = /[\p{L}\p{M}]/u;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The UTF-8 text `run` decodes to, when it is mostly readable; otherwise undefined. */
export function decodeBase64Text(run: string): string | undefined {
  const body = run.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  // A length of 1 mod 4 cannot be base64; text that is all letters is a word, not a code.
  if (body.length % 4 === 1 || !/[0-9+/]|[a-z][A-Z]/.test(body)) return undefined;
  let text: string;
  try {
    text = utf8.decode(Buffer.from(body, "base64"));
  } catch {
    return undefined;
  }
  const chars = Array.from(text);
  if (chars.length < 8) return undefined;
  let readable = 0;
  let letters = 0;
  for (const ch of chars) {
    if (READABLE.test(ch)) readable++;
    // Vowel signs count with letters: Hindi is half combining marks.
    if (LETTER.test(ch)) letters++;
  }
  return readable / chars.length >= 0.95 && letters / chars.length >= 0.5 ? text : undefined;
}

/** Every base64 run in `text` that decodes to readable text, at most 32 of them. */
export function decodedRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = [];
  for (const m of text.matchAll(RUN)) {
    if (runs.length >= MAX_RUNS) break;
    if (m[0].length > MAX_RUN_CHARS) continue;
    const decoded = decodeBase64Text(m[0]);
    if (decoded !== undefined)
      runs.push({ text: decoded, start: m.index, end: m.index + m[0].length });
  }
  return runs;
}
