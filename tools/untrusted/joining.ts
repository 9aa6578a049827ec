// Undoes two ways of splitting words so a phrase list cannot see them: letter-spacing
// ("i g n o r e", "i.g.n.o.r.e") and hyphenation inside a word ("ig-nore", "pre- vious").
// A letter-spaced run keeps a word break where the writer left a wider gap (two spaces) or
// changed separator ("i.g.n.o.r.e a.l.l"); when nothing marks the breaks the run is also
// handed back squashed ("ignoreallpreviousinstructions") for segment.ts to split again.
import { originalSpan, type View } from "./normalise.js";

export interface SquashedRun {
  /** The run's letters with every separator removed. */
  letters: string;
  /** Span of the run in the original text. */
  start: number;
  end: number;
}

// Four or more single letters, each separated by one separator character.
const RUN = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·|/~+]\p{L}){3,}(?![\p{L}\p{N}])/gu;
const HYPHEN = /(?<=\p{L}{2})-[ \n]?(?=\p{L}{2})/gu;

function commonest(separators: string[]): string {
  const counts = new Map<string, number>();
  let best = "";
  for (const s of separators) {
    const n = (counts.get(s) ?? 0) + 1;
    counts.set(s, n);
    if (n > (counts.get(best) ?? 0)) best = s;
  }
  return best;
}

/** Replacements (by view index) that join one letter-spaced run; its squashed letters. */
function joinRun(view: View, index: number, run: string, edits: Map<number, string>): string {
  const separators: string[] = [];
  for (let i = 1; i < run.length; i += 2) separators.push(run[i] ?? "");
  const usual = commonest(separators);
  let letters = "";
  for (let i = 0; i < run.length; i++) {
    const ch = run[i] ?? "";
    if (i % 2 === 0) {
      letters += ch;
      continue;
    }
    const at = index + i;
    const wide = (view.to[at] ?? 0) - (view.from[at] ?? 0) > 1;
    edits.set(at, ch !== usual || (ch === " " && wide) ? " " : "");
  }
  // "[.s.y.s.t.e.m.]": the separator also fences the run in; drop the fence.
  if (usual !== " ") {
    if (view.text[index - 1] === usual) edits.set(index - 1, "");
    if (view.text[index + run.length] === usual) edits.set(index + run.length, "");
  }
  return letters;
}

/** `view` with letter-spaced runs and hyphenated words joined, and each run squashed. */
export function joinSplitWords(view: View): { view: View; runs: SquashedRun[] } {
  const edits = new Map<number, string>();
  const runs: SquashedRun[] = [];
  for (const m of view.text.matchAll(RUN)) {
    // Letters here are one unit each in practice; astral letters simply end the run early.
    if (m[0].length % 2 === 0) continue;
    const letters = joinRun(view, m.index, m[0], edits);
    runs.push({ letters, ...originalSpan(view, m.index, m.index + m[0].length) });
  }
  for (const m of view.text.matchAll(HYPHEN)) {
    if (edits.has(m.index)) continue;
    for (let i = 0; i < m[0].length; i++) edits.set(m.index + i, "");
  }
  if (edits.size === 0) return { view, runs };
  const out: View = { text: "", from: [], to: [] };
  for (let i = 0; i < view.text.length; i++) {
    const ch = edits.get(i) ?? view.text[i] ?? "";
    if (ch === "") continue;
    out.text += ch;
    out.from.push(view.from[i] ?? 0);
    out.to.push(view.to[i] ?? 0);
  }
  return { view: out, runs };
}
