// Regex pieces the PII detectors share. They read the normalised copy of a text
// (normalise.ts), where every separator is already plain ASCII.

/**
 * Not right after one of `chars`, where the "n" of an escaped newline ("\\n" in JSON text,
 * as in a logged line or a serialised tool result) counts as the space it stands for.
 */
export const notAfter = (chars: string) => String.raw`(?<![${chars}](?<!\\[nrt]))`;

/** Between the groups of a number: one of space . / _ - (spaces around it allowed), or spaces. */
export const SEP = `(?: {0,2}[./_-] {0,2}| {1,3})`;

// Scripts written without spaces between words, where a number touches the text around it.
const UNSPACED = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}`;

// Not glued to a word, an id like s_000123 or ord-123, a "#", or the tail of another number.
export const NUMBER_START = String.raw`(?<![\p{L}\p{N}_#+](?<!\\[nrt])(?<![${UNSPACED}]))(?<![\p{L}\p{N}_][_/-])(?<!\p{N}[.,:])`;
export const NUMBER_END = String.raw`(?!(?![${UNSPACED}])[\p{L}\p{N}_])(?!${SEP}?\p{N})(?![.,:]\p{N})`;

/** A candidate found in the normalised text, with offsets into it. */
export interface Found {
  start: number;
  end: number;
  /** The value the placeholder is keyed on: the same datum however it was written. */
  key: string;
}

/** The digit groups of a number with their offsets in it. */
export function digitGroups(run: string): Array<{ digits: string; at: number }> {
  return Array.from(run.matchAll(/\d+/g), (m) => ({ digits: m[0], at: m.index }));
}
