// The set of normalised copies the injection scanner searches, in order, each named by the
// normalisation that produced it when that normalisation is itself a sign of hiding (a
// phrase found only after folding Cyrillic look-alikes or reading the text backwards was
// disguised on purpose). Copies identical to an earlier one are dropped: plain ASCII text
// is one view, not seven.
import { INJECTION_PATTERNS } from "./injection-patterns.js";
import { joinSplitWords, type SquashedRun } from "./joining.js";
import { buildView, reverseView, type View } from "./normalise.js";
import { createSegmenter, type Segmenter } from "./segment.js";

export interface NamedView {
  view: View;
  /** The normalisation that revealed what this view shows; absent for case/accent folding. */
  revealedBy?: string;
}

const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;
const HIDDEN = /[\p{Cf}\u115F\u1160\u3164\uFFA0]|[^\P{Cc}\s]/u;

export const REVEALED = {
  skeleton: "after confusable skeleton",
  joined: "after joining letter-spaced or hyphen-split words",
  reversed: "reversed text",
  base64: "base64-decoded",
  nfkc: "after NFKC compatibility folding",
  invisible: "after removing invisible characters",
} as const;

// Text written backwards is only read backwards when something suggests it: a sentence that
// starts with its full stop (".snoitcurtsni erongI", "。诈欺非是"), a word that ends in a
// capital, or reversed English words. Reading every review backwards would double the cost.
const REVERSED_SHAPE = /(?:^|[\s"'(])[.!?。！？।]+[\p{L}\p{M}]|\p{Ll}{3}\p{Lu}(?=[\s.,!?]|$)/u;
const REVERSED_WORDS =
  /\b(?:eht|siht|uoy|ruoy|dna|lla|rof|won|era|erongi|dragersid|snoitcurtsni|tpmorp|relles|pohs)\b/g;

function looksReversed(text: string, folded: string): boolean {
  return REVERSED_SHAPE.test(text) || (folded.match(REVERSED_WORDS)?.length ?? 0) >= 2;
}

let segmenter: Segmenter | undefined;

/** A view of a letter-spaced run with its word breaks restored, every unit on the run's span. */
function segmentedView(run: SquashedRun): View {
  segmenter ??= createSegmenter(INJECTION_PATTERNS.flatMap((p) => p.res.map((re) => re.source)));
  const text = segmenter(run.letters);
  return { text, from: Array(text.length).fill(run.start), to: Array(text.length).fill(run.end) };
}

/** Every distinct view of `text` worth scanning, plain ones first. */
export function viewsOf(text: string): NamedView[] {
  const native = buildView(text, { foldMarks: false, invisibleAsSpace: false, skeleton: false });
  const folded = buildView(text, { foldMarks: true, invisibleAsSpace: false, skeleton: false });
  const skeleton = buildView(text, { foldMarks: true, invisibleAsSpace: false, skeleton: true });
  // Invisibles read as word breaks give other views only when there are any.
  const hasInvisible = HIDDEN.test(text);
  const spaced = hasInvisible
    ? buildView(text, { foldMarks: true, invisibleAsSpace: true, skeleton: false })
    : folded;
  const skeletonSpaced = hasInvisible
    ? buildView(text, { foldMarks: true, invisibleAsSpace: true, skeleton: true })
    : skeleton;
  const joinedNative = joinSplitWords(native);
  const joined = joinSplitWords(skeleton);
  const candidates: NamedView[] = [
    { view: native },
    { view: folded },
    { view: spaced },
    { view: skeleton, revealedBy: REVEALED.skeleton },
    { view: skeletonSpaced, revealedBy: REVEALED.skeleton },
    { view: joinedNative.view, revealedBy: REVEALED.joined },
    { view: joined.view, revealedBy: REVEALED.joined },
    ...joined.runs.map((run) => ({ view: segmentedView(run), revealedBy: REVEALED.joined })),
  ];
  if (looksReversed(text, folded.text))
    candidates.push(
      { view: reverseView(joinedNative.view), revealedBy: REVEALED.reversed },
      { view: reverseView(joined.view), revealedBy: REVEALED.reversed },
    );
  const seen = new Set<string>();
  return candidates.filter(({ view }) => {
    if (seen.has(view.text)) return false;
    seen.add(view.text);
    return true;
  });
}

/** For a hit in an unnamed view: whether compatibility folding or invisibles hid it. */
export function plainRevealedBy(original: string): string | undefined {
  if (INVISIBLE.test(original)) return REVEALED.invisible;
  if (original.normalize("NFKC") !== original.normalize("NFC")) return REVEALED.nfkc;
  return undefined;
}
