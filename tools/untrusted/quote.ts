// Quotes untrusted text (reviews, shop descriptions, web pages) for a prompt inside an
// <untrusted_data> block the text cannot leave. Every "<", ">" and "&" in the content is
// escaped, so no tag of any kind (our closing tag included) can be opened or closed from
// inside; invisible and control characters are dropped so what the model reads is what a
// person reviewing the prompt sees.

import { PLACEHOLDER_SOURCE } from "../redact/index.js";

export const UNTRUSTED_TAG = "untrusted_data";

export interface Provenance {
  /** Where the text was read, e.g. "risk.sellers s_000123 description" or a URL. */
  source: string;
  /** The evidence id the text belongs to, when there is one. */
  evidence?: string;
}

export interface UntrustedBlockInput {
  /** What the text is, e.g. "shop_description". */
  label: string;
  provenance: Provenance;
  text: string;
  /** Longest content kept, in characters; 2000 unless given. */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 2000;
const ATTRIBUTE_MAX_CHARS = 200;

// Zero-width, bidi and tag characters (all format characters), variation selectors (which
// can smuggle bytes) and Hangul fillers; controls other than newline and tab.
const INVISIBLE = /[\p{Cf}\p{Variation_Selector}\u115F\u1160\u3164\uFFA0]|[^\P{Cc}\n\t]/gu;

function clean(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(INVISIBLE, "");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attribute(value: string): string {
  const chars = Array.from(clean(value).replace(/\s+/g, " ").trim());
  const short = chars.length > ATTRIBUTE_MAX_CHARS ? chars.slice(0, ATTRIBUTE_MAX_CHARS) : chars;
  return escapeText(short.join("")).replace(/"/g, "&quot;");
}

/** `text` as an <untrusted_data> block with its label and provenance. */
export function untrustedBlock({ label, provenance, text, maxChars }: UntrustedBlockInput): string {
  const limit = Math.max(0, Math.floor(maxChars ?? DEFAULT_MAX_CHARS));
  // Counted in code points so a cut never splits a surrogate pair.
  const chars = Array.from(clean(text));
  const cut = chars.length - limit;
  const content =
    cut > 0
      ? `${escapeText(chars.slice(0, limit).join(""))}…[truncated ${cut} chars]`
      : escapeText(chars.join(""));
  const evidence =
    provenance.evidence === undefined ? "" : ` evidence="${attribute(provenance.evidence)}"`;
  return `<${UNTRUSTED_TAG} label="${attribute(label)}" source="${attribute(provenance.source)}"${evidence}>\n${content}\n</${UNTRUSTED_TAG}>`;
}

// Content holds no "<" but the redactor's placeholders, which are added after quoting.
const BLOCK = new RegExp(
  `<${UNTRUSTED_TAG}(?: [a-z_]+="[^"<>]*")*>\\n((?:[^<]|${PLACEHOLDER_SOURCE})*)\\n</${UNTRUSTED_TAG}>`,
  "g",
);

/** The inner content of each well-formed block in `prompt`, as it appears there. */
export function extractUntrustedBlocks(prompt: string): string[] {
  return Array.from(prompt.matchAll(BLOCK), (m) => m[1] ?? "");
}
