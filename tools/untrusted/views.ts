// The set of normalised copies the injection scanner searches, in order, each named by the
// normalisation that produced it when that normalisation is itself a sign of hiding (a
// phrase found only after folding Cyrillic look-alikes or reading the text backwards was
// disguised on purpose). Copies identical to an earlier one are dropped: plain ASCII text
// is one view, not seven.
import { joinSplitWords, type SquashedRun } from "./joining.js";
import { buildView, reverseView, type View } from "./normalise.js";

export interface NamedView {
  view: View;
  /** The normalisation that revealed what this view shows; absent for case/accent folding. */
  revealedBy?: string;
}

export const REVEALED = {
  skeleton: "after confusable skeleton",
  joined: "after joining letter-spaced or hyphen-split words",
  reversed: "reversed text",
  base64: "base64-decoded",
  nfkc: "after NFKC compatibility folding",
  invisible: "after removing invisible characters",
} as const;

export interface ScanViews {
  views: NamedView[];
  /** Letter-spaced runs with their word breaks lost, for the squashed-phrase check. */
  runs: SquashedRun[];
}

// Text written backwards is only worth reading backwards when it holds a reversed word of
// the kind injections use; reading every review backwards would double the scan's cost.
const REVERSED_HINT =
  /erongi|dragersid|tegrof|edirrevo|snoitcurtsni|selur|tpmorp|metsys|relles|pohs|tnuocca|kram|yfissalc|tcidrev|duarf|won era uoy|efas|etamitigel/;

export function viewsOf(text: string): ScanViews {
  const native = buildView(text, { foldMarks: false, invisibleAsSpace: false, skeleton: false });
  const folded = buildView(text, { foldMarks: true, invisibleAsSpace: false, skeleton: false });
  const spaced = buildView(text, { foldMarks: true, invisibleAsSpace: true, skeleton: false });
  const skeleton = buildView(text, { foldMarks: true, invisibleAsSpace: false, skeleton: true });
  const skeletonSpaced = buildView(text, {
    foldMarks: true,
    invisibleAsSpace: true,
    skeleton: true,
  });
  const joined = joinSplitWords(skeleton);
  const candidates: NamedView[] = [
    { view: native },
    { view: folded },
    { view: spaced },
    { view: skeleton, revealedBy: REVEALED.skeleton },
    { view: skeletonSpaced, revealedBy: REVEALED.skeleton },
    { view: joined.view, revealedBy: REVEALED.joined },
  ];
  if (REVERSED_HINT.test(joined.view.text))
    candidates.push({ view: reverseView(joined.view), revealedBy: REVEALED.reversed });
  const seen = new Set<string>();
  const views = candidates.filter(({ view }) => {
    if (seen.has(view.text)) return false;
    seen.add(view.text);
    return true;
  });
  return { views, runs: joined.runs };
}

const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;

/** For a hit in an unnamed view: whether compatibility folding or invisibles hid it. */
export function plainRevealedBy(original: string): string | undefined {
  if (INVISIBLE.test(original)) return REVEALED.invisible;
  if (original.normalize("NFKC") !== original.normalize("NFC")) return REVEALED.nfkc;
  return undefined;
}
