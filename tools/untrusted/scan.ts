// Scans untrusted text (reviews, shop descriptions, web pages) for signs that it tries to
// steer the model. Phrases are matched on normalised copies so spacing, case, accents,
// invisible characters, compatibility forms, look-alike letters and simple l33t cannot hide
// them; the excerpt kept with a signal comes from the original text, with personal data
// masked and invisible characters spelled out so a person sees what was hidden. Signals are
// evidence of manipulation; they never stop the text from being read as data.
import { findPii, type PiiMatch } from "../../domain/pii.js";
import { INJECTION_PATTERNS } from "./injection-patterns.js";

export interface InjectionSignal {
  /** Stable id of the pattern, e.g. "ignore_instructions". */
  pattern: string;
  /** What the pattern means, as a sentence. */
  label: string;
  /** At most 160 characters around the hit, personal data masked, invisibles escaped. */
  excerpt: string;
}

const EXCERPT_MAX = 160;
const CONTEXT = 40;

const REMOVED = /[\p{Cf}\p{Cc}]/u;
const NEWLINE = /[\n\r\u2028\u2029]/u;
const MARKS = /\p{M}/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Variation_Selector}\u115F\u1160\u3164\uFFA0]/u;
// Undone only in the l33t views: "1gn0r3", "@ct @s", Cyrillic and Greek look-alikes.
// biome-ignore format: a table reads better than one pair a line
const LOOKALIKE: Record<string, string> = {
  "1": "i", "0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s",
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", і: "i", ј: "j", ѕ: "s",
  ԁ: "d", ο: "o", α: "a", ε: "e", ι: "i", ν: "v", τ: "t", κ: "k", ρ: "p",
};

interface View {
  text: string;
  /** For each character of `text`, where the character it came from starts and ends. */
  from: number[];
  to: number[];
}

interface Hit {
  start: number;
  end: number;
}

/**
 * A normalised copy: NFKD without accents, lower case, whitespace runs collapsed to one
 * space (or a newline if they held one). Invisible and control characters are dropped, or
 * turned into spaces when they may have been used to separate words.
 */
function normalise(text: string, invisibleAsSpace: boolean, leet: boolean): View {
  const view: View = { text: "", from: [], to: [] };
  let pending: Hit & { ch: string } = { ch: "", start: 0, end: 0 };
  let at = 0;
  for (const original of text) {
    const start = at;
    at += original.length;
    const isRemoved = REMOVED.test(original) && !/\s/u.test(original);
    const mapped = isRemoved
      ? invisibleAsSpace
        ? " "
        : ""
      : original.normalize("NFKD").replace(MARKS, "").toLowerCase();
    for (const ch of mapped) {
      if (/\s/u.test(ch)) {
        if (pending.ch === "") pending = { ch: " ", start, end: at };
        if (NEWLINE.test(ch)) pending.ch = "\n";
        continue;
      }
      if (pending.ch !== "") {
        view.text += pending.ch;
        view.from.push(pending.start);
        view.to.push(pending.end);
        pending = { ch: "", start: 0, end: 0 };
      }
      view.text += leet ? (LOOKALIKE[ch] ?? ch) : ch;
      view.from.push(start);
      view.to.push(at);
    }
  }
  return view;
}

function firstHit(text: string, res: RegExp[]): Hit | undefined {
  for (const re of res) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return { start: m.index, end: m.index + Math.max(1, m[0].length) };
  }
  return undefined;
}

function hitInViews(views: View[], res: RegExp[]): Hit | undefined {
  for (const view of views) {
    const hit = firstHit(view.text, res);
    if (hit)
      return {
        start: view.from[hit.start] ?? 0,
        end: view.to[Math.min(hit.end, view.text.length) - 1] ?? 0,
      };
  }
  return undefined;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Up to 160 characters around the hit; personal data masked, invisible characters escaped. */
function excerpt(text: string, hit: Hit, pii: PiiMatch[]): string {
  let from = Math.max(0, hit.start - CONTEXT);
  let to = Math.min(text.length, Math.min(hit.end, hit.start + EXCERPT_MAX) + CONTEXT);
  if (isLowSurrogate(text, from)) from--;
  if (isLowSurrogate(text, to)) to++;
  // A match cut by the window would leave part of the raw value; take it whole, then mask.
  const inWindow = pii.filter((m) => m.start < to && m.end > from);
  for (const m of inWindow) {
    from = Math.min(from, m.start);
    to = Math.max(to, m.end);
  }
  const masked = new Map(inWindow.map((m) => [m.start, m]));
  const pieces: string[] = [];
  for (let i = from; i < to; ) {
    const m = masked.get(i);
    if (m) {
      pieces.push(`[${m.kind}]`);
      i = m.end;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (/[\t\n\r]/.test(ch)) pieces.push(" ");
    else if (INVISIBLE.test(ch)) pieces.push(`\\u{${cp.toString(16).toUpperCase()}}`);
    else pieces.push(ch);
  }
  let out = from > 0 ? "…" : "";
  for (const piece of pieces) {
    if (out.length + piece.length > EXCERPT_MAX - 1) return `${out}…`;
    out += piece;
  }
  return to < text.length && out.length < EXCERPT_MAX ? `${out}…` : out;
}

/** Signs of prompt injection in `text`, at most one per pattern id. */
export function scanForInjection(text: string): InjectionSignal[] {
  const views = [
    normalise(text, false, false),
    normalise(text, true, false),
    normalise(text, false, true),
    normalise(text, true, true),
  ];
  const signals: InjectionSignal[] = [];
  let pii: PiiMatch[] | undefined;
  for (const pattern of INJECTION_PATTERNS) {
    const hit = pattern.on === "raw" ? firstHit(text, pattern.res) : hitInViews(views, pattern.res);
    if (!hit) continue;
    pii ??= findPii(text);
    signals.push({ pattern: pattern.id, label: pattern.label, excerpt: excerpt(text, hit, pii) });
  }
  return signals;
}

export function isSuspicious(text: string): boolean {
  return scanForInjection(text).length > 0;
}
