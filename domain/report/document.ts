// The case report as a document: sections of blocks whose text is kept apart from
// any markup. One builder (build.ts) makes it; each rendering (Markdown for the API,
// HTML for a browser, plain text for a terminal) escapes what its medium needs and
// nothing else, and text a seller, buyer or web page wrote stays marked untrusted
// all the way to the reader.

/** A run of text: ours, an id or name, emphasis, or untrusted (someone else wrote it). */
export type Span = string | { code: string } | { strong: string } | { untrusted: string };
export type Line = Span[];

export interface ListItem {
  line: Line;
  /** Indented detail lines under the item. */
  sub?: Line[];
}

export type Block =
  /** Lines of one paragraph, each on its own line. */
  | { kind: "lines"; lines: Line[] }
  /** A callout: a partial verdict, why a run could not decide. */
  | { kind: "note"; line: Line }
  | { kind: "list"; items: ListItem[] }
  | { kind: "table"; head: string[]; rows: Line[][] }
  /** Untrusted text shown whole, as data: fenced so nothing in it reads as ours. */
  | { kind: "quote"; label: string; text: string };

export interface Section {
  heading: string;
  /** 3 for a section within the one before it; 2 otherwise. */
  level?: 3;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** What comes before the first section: the decision at a glance. */
  summary: Block[];
  sections: Section[];
}

/** The text of a span, whatever its kind. */
export const spanText = (span: Span): string =>
  typeof span === "string"
    ? span
    : "code" in span
      ? span.code
      : "strong" in span
        ? span.strong
        : span.untrusted;

/**
 * Characters a terminal or a viewer would act on rather than show: controls (ANSI
 * escapes start with one) and format characters (the bidirectional overrides that
 * reorder text, zero-width ones). Line breaks and tabs stay.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export const withoutControls = (text: string) =>
  text.replace(INVISIBLE, (c) => (c === "\n" || c === "\t" ? c : ""));

/** Text kept to one line: controls dropped, any run of whitespace one space. */
export const oneLine = (text: string) => withoutControls(text).replace(/\s+/g, " ");

/** One line of untrusted text, also trimmed. */
export const flat = (text: string) => oneLine(text).trim();

/** Shortens text at a word boundary, never mid-word, and says so with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "1 planning round", "2 planning rounds". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A probability as a percentage that never claims certainty it does not have:
 * 0.9995 is "> 99.9%", not "100.0%"; only exactly 1 is "100%" (and 0 "0%").
 */
export function percent(p: number): string {
  if (p === 1) return "100%";
  if (p === 0) return "0%";
  const shown = (p * 100).toFixed(1);
  if (shown === "100.0") return "> 99.9%";
  if (shown === "0.0") return "< 0.1%";
  return `${shown}%`;
}

/** A 0–1 score to three places, with the same care at the ends. */
export function score(x: number): string {
  if (x === 1 || x === 0) return x.toFixed(3);
  const shown = x.toFixed(3);
  if (shown === "1.000") return "> 0.999";
  if (shown === "0.000") return "< 0.001";
  return shown;
}
