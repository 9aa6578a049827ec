// Turns one raw hit from an outside provider into a SearchResult: an http(s) URL or
// nothing, plain-text title and snippet of bounded length, and the content hash that
// later lets evidence say exactly which text it relied on. Shared by every provider
// so the same page hashes the same way whichever provider returned it.
import { sha256Hex } from "../../../domain/canonical-json.js";
import type { SearchResult } from "../types.js";

export const MAX_TITLE = 300;
export const MAX_SNIPPET = 1_000;

export interface RawHit {
  url: unknown;
  title?: string | null;
  snippet?: string | null;
  score?: number | null;
  published?: string | null;
}

/** The canonical href of an http(s) URL, or null (javascript:, data:, relative, junk). */
export function httpUrl(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntity(entity: string, raw: string): string {
  const name = raw.toLowerCase();
  const code = name.startsWith("#x")
    ? Number.parseInt(name.slice(2), 16)
    : name.startsWith("#")
      ? Number.parseInt(name.slice(1), 10)
      : Number.NaN;
  if (Number.isNaN(code)) return ENTITIES[name] ?? entity;
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/**
 * Markup out, whitespace collapsed, NFC. Tags are removed before entities are decoded,
 * so an escaped "&lt;b&gt;" stays visible text rather than becoming a tag to strip.
 * The result is still untrusted text; this only keeps markup noise out of prompts.
 */
export function plainText(raw: string | null | undefined, max: number): string {
  if (!raw) return "";
  const text = raw
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
  return truncate(text, max);
}

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair behind. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}

/**
 * sha256 of `url\ntitle\nsnippet` exactly as stored in the result. Fields hold no
 * newlines (whitespace is collapsed, hrefs are encoded), so the join is unambiguous.
 */
export function contentHash(url: string, title: string, snippet: string): string {
  return sha256Hex(`${url}\n${title}\n${snippet}`);
}

/** An ISO 8601 instant, or null when the provider's date is missing or unparseable. */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // SearxNG sends naive datetimes; JS would read them as local time, so the same
  // answer would carry a different date per machine. Read them as UTC.
  const naive = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw.trim());
  const at = Date.parse(naive ? `${raw.trim()}Z` : raw);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** A provider's hits as results: unusable ones dropped, at most `limit`. */
export function toSearchResults(
  provider: string,
  hits: readonly RawHit[],
  now: Date,
  limit: number,
): SearchResult[] {
  return hits
    .map((hit) => toSearchResult(provider, hit, now))
    .filter((r) => r !== null)
    .slice(0, limit);
}

export function toSearchResult(provider: string, hit: RawHit, now: Date): SearchResult | null {
  const url = httpUrl(hit.url);
  if (url === null) return null;
  const title = plainText(hit.title, MAX_TITLE);
  const snippet = plainText(hit.snippet, MAX_SNIPPET);
  return {
    url,
    title,
    snippet,
    retrievedAt: now.toISOString(),
    contentHash: contentHash(url, title, snippet),
    provider,
    score: typeof hit.score === "number" && Number.isFinite(hit.score) ? hit.score : null,
    publishedAt: isoDate(hit.published),
    untrusted: true,
  };
}
