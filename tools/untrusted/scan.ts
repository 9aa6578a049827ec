// Scans untrusted text (reviews, shop descriptions, web pages) for signs that it tries to
// steer the model. Phrases are matched on normalised copies so spacing, case, accents,
// invisible characters, compatibility forms, look-alike letters, l33t, letter-spacing,
// hyphen-splitting and reversal cannot hide them, and base64 runs that decode to text are
// scanned as text. The excerpt kept with a signal comes from the original text (or the
// decoded text), with personal data masked and invisible characters spelled out so a person
// sees what was hidden. Signals are evidence of manipulation; they never stop the text from
// being read as data, and they are not the main defence: the untrusted-data blocks and the
// rule that findings cite evidence are.
import { findPii, type PiiMatch } from "../../domain/pii.js";
import { decodedRuns } from "./base64.js";
import { excerpt } from "./excerpt.js";
import { INJECTION_PATTERNS, type InjectionPattern } from "./injection-patterns.js";
import { originalSpan } from "./normalise.js";
import { type NamedView, plainRevealedBy, REVEALED, viewsOf } from "./views.js";

export interface InjectionSignal {
  /** Stable id of the pattern, e.g. "ignore_instructions". */
  pattern: string;
  /** What the pattern means, as a sentence. */
  label: string;
  /** At most 160 characters around the hit, personal data masked, invisibles escaped. */
  excerpt: string;
  /** The normalisation the text needed before it showed, e.g. "base64-decoded"; absent when plain. */
  revealed_by?: string;
}

interface Hit {
  start: number;
  end: number;
  revealedBy?: string;
}

// Base64 inside decoded base64 is followed once more; deeper nesting is not text anyone
// writes by accident and is left to the structural defences.
const MAX_DEPTH = 3;

function firstMatch(
  text: string,
  res: readonly RegExp[],
): { index: number; end: number } | undefined {
  for (const re of res) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return { index: m.index, end: m.index + Math.max(1, m[0].length) };
  }
  return undefined;
}

function hitInViews(
  text: string,
  views: readonly NamedView[],
  res: readonly RegExp[],
): Hit | undefined {
  for (const { view, revealedBy } of views) {
    const m = firstMatch(view.text, res);
    if (!m) continue;
    const span = originalSpan(view, m.index, m.end);
    return { ...span, revealedBy: revealedBy ?? plainRevealedBy(text.slice(span.start, span.end)) };
  }
  return undefined;
}

function findHit(
  text: string,
  pattern: InjectionPattern,
  views: readonly NamedView[],
): Hit | undefined {
  if (pattern.on === "normalised") return hitInViews(text, views, pattern.res);
  const m = firstMatch(text, pattern.res);
  return m && { start: m.index, end: m.end };
}

function signal(
  pattern: InjectionPattern,
  text: string,
  hit: Hit,
  pii: PiiMatch[],
): InjectionSignal {
  const found = { pattern: pattern.id, label: pattern.label, excerpt: excerpt(text, hit, pii) };
  return hit.revealedBy === undefined ? found : { ...found, revealed_by: hit.revealedBy };
}

function scan(text: string, depth: number): Map<string, InjectionSignal> {
  const views = viewsOf(text);
  const found = new Map<string, InjectionSignal>();
  let pii: PiiMatch[] | undefined;
  for (const pattern of INJECTION_PATTERNS) {
    const hit = findHit(text, pattern, views);
    if (!hit) continue;
    pii ??= findPii(text);
    found.set(pattern.id, signal(pattern, text, hit, pii));
  }
  if (depth >= MAX_DEPTH) return found;
  for (const run of decodedRuns(text))
    for (const [id, inner] of scan(run.text, depth + 1)) {
      if (found.has(id)) continue;
      const via = inner.revealed_by
        ? `${REVEALED.base64}, then ${inner.revealed_by}`
        : REVEALED.base64;
      found.set(id, { ...inner, revealed_by: via });
    }
  return found;
}

/** Signs of prompt injection in `text`, at most one per pattern id, in catalogue order. */
export function scanForInjection(text: string): InjectionSignal[] {
  const found = scan(text, 1);
  return INJECTION_PATTERNS.flatMap((p) => found.get(p.id) ?? []);
}

export function isSuspicious(text: string): boolean {
  return scanForInjection(text).length > 0;
}
