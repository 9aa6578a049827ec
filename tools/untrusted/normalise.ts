// Normalised copies ("views") of untrusted text for the injection scanner. Each view keeps,
// for every UTF-16 unit of its text, the span of the original it came from, so a phrase
// found in any view points back at the characters a person can see. The views differ in
// what they undo: case and accents (NFKD) or compatibility forms only (NFKC, which keeps
// the vowel signs of Hindi and the voicing marks of Japanese); invisible characters dropped
// or read as word breaks; look-alike letters folded to their Latin skeleton.
import { skeletonOf, unleet } from "./confusables.js";

export interface View {
  text: string;
  /** For each UTF-16 unit of `text`, where the original character starts and ends. */
  from: number[];
  to: number[];
}

export interface ViewOptions {
  /** NFKD with combining marks removed (accents gone); otherwise NFKC with marks kept. */
  foldMarks: boolean;
  /** Invisible format characters become a space instead of nothing. */
  invisibleAsSpace: boolean;
  /** Look-alike letters, digits and symbols become the Latin letter they imitate. */
  skeleton: boolean;
}

const REMOVED = /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0]/u;
const SPACE = /\s/u;
const NEWLINE = /[\n\r\u2028\u2029]/u;
const MARKS = /\p{M}/gu;

function foldUncached(original: string, options: ViewOptions): string {
  if (!options.foldMarks) return original.normalize("NFKC").toLowerCase();
  const base = original.normalize("NFKD").replace(MARKS, "");
  if (!options.skeleton) return base.toLowerCase();
  let out = "";
  for (const ch of base) out += skeletonOf(ch);
  return out.toLowerCase();
}

// Folding one character at a time is most of a view's cost; texts repeat their characters.
const CACHES = new Map<string, Map<string, string>>();
const CACHE_MAX = 20_000;

function fold(original: string, options: ViewOptions): string {
  const code = original.charCodeAt(0);
  if (original.length === 1 && code < 0x80)
    return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original;
  const key = `${options.foldMarks}${options.skeleton}`;
  let cache = CACHES.get(key);
  if (!cache) {
    cache = new Map();
    CACHES.set(key, cache);
  }
  let mapped = cache.get(original);
  if (mapped === undefined) {
    mapped = foldUncached(original, options);
    if (cache.size < CACHE_MAX) cache.set(original, mapped);
  }
  return mapped;
}

/** Appends `ch` (any length) to `view`, every unit pointing at the same original span. */
function push(view: View, ch: string, start: number, end: number): void {
  view.text += ch;
  for (let i = 0; i < ch.length; i++) {
    view.from.push(start);
    view.to.push(end);
  }
}

/**
 * A normalised copy of `text`: lower case, whitespace runs collapsed to one space (or a
 * newline if they held one), invisible and control characters dropped or read as spaces.
 */
export function buildView(text: string, options: ViewOptions): View {
  const view: View = { text: "", from: [], to: [] };
  let pending = { ch: "", start: 0, end: 0 };
  let at = 0;
  for (const original of text) {
    const start = at;
    at += original.length;
    const code = original.charCodeAt(0);
    const removed =
      code < 0x80
        ? (code < 32 || code === 127) && !(code >= 9 && code <= 13)
        : REMOVED.test(original) && !SPACE.test(original);
    const mapped = removed ? (options.invisibleAsSpace ? " " : "") : fold(original, options);
    for (const ch of mapped) {
      const c = ch.charCodeAt(0);
      if (c === 32 || (c >= 9 && c <= 13) || (c > 0x7f && SPACE.test(ch))) {
        if (pending.ch === "") pending = { ch: " ", start, end: at };
        else pending.end = at;
        if (c === 10 || c === 13 || NEWLINE.test(ch)) pending.ch = "\n";
        continue;
      }
      if (pending.ch !== "") {
        push(view, pending.ch, pending.start, pending.end);
        pending = { ch: "", start: 0, end: 0 };
      }
      push(view, ch, start, at);
    }
  }
  if (options.skeleton) view.text = unleet(view.text);
  return view;
}

/** The view read backwards, code point by code point: "snoitcurtsni suoiverp erongi". */
export function reverseView(view: View): View {
  const out: View = { text: "", from: [], to: [] };
  let i = view.text.length;
  while (i > 0) {
    const low = view.text.charCodeAt(i - 1);
    const width = i >= 2 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    i -= width;
    push(out, view.text.slice(i, i + width), view.from[i] ?? 0, view.to[i] ?? 0);
  }
  return out;
}

/** The original span behind units [start, end) of a view. */
export function originalSpan(
  view: View,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = Number.POSITIVE_INFINITY;
  let to = 0;
  for (let i = start; i < Math.min(end, view.text.length); i++) {
    from = Math.min(from, view.from[i] ?? 0);
    to = Math.max(to, view.to[i] ?? 0);
  }
  return Number.isFinite(from) ? { start: from, end: to } : { start: 0, end: 0 };
}
