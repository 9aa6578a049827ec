// The excerpt kept with an injection signal: up to 160 characters of the original text
// around the hit, so a person sees what the scanner saw. Personal data inside the window is
// masked whole (a number cut at the window's edge would leak its digits), and invisible
// characters are spelled out (\u{200B}) so hidden text is visible in the evidence.
import type { PiiMatch } from "../../domain/pii.js";

const EXCERPT_MAX = 160;
const CONTEXT = 40;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Variation_Selector}\u115F\u1160\u3164\uFFA0]/u;

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Up to 160 characters around the hit; personal data masked, invisible characters escaped. */
export function excerpt(
  text: string,
  hit: { start: number; end: number },
  pii: PiiMatch[],
): string {
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
