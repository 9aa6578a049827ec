// Look-alike shop names, the raw material of decoy pages: a scam report about
// "Luna Silver Markets" must not be pinned on "Luna Silver Market". The look-alike is
// never an existing shop's name and never contains one as a whole-word phrase, so a
// search that matches names exactly can tell them apart and one that matches loosely
// cannot.
import type { Rng } from "../rng.js";
import type { NameIndex } from "./names.js";

// Plurals and singulars of the shop-type words text.ts names shops with.
// biome-ignore format: a table reads better than one pair a line
const NUMBER_SWAP: Record<string, string> = {
  Goods: "Good", Craft: "Crafts", Corner: "Corners", Supply: "Supplies", Studio: "Studios",
  Market: "Markets", House: "Houses", Trading: "Traders", Works: "Work", Boutique: "Boutiques",
  Depot: "Depots", Collective: "Collectives", Outlet: "Outlets", Store: "Stores",
  Bazaar: "Bazaars", Emporium: "Emporiums", "Co.": "Company", Lab: "Labs",
};
const SHOP_SUFFIXES = ["Outlet", "Official", "Shop", "Store", "Online", "Direct"];

type Transform = (rng: Rng, words: string[]) => string | null;

function swapNumber(_rng: Rng, words: string[]): string | null {
  const last = words[words.length - 1] ?? "";
  if (!/^[A-Za-z.]+$/.test(last)) return null;
  const swapped =
    NUMBER_SWAP[last] ??
    (last.endsWith("s")
      ? last.slice(0, -1)
      : last.endsWith("y")
        ? `${last.slice(0, -1)}ies`
        : `${last}s`);
  return [...words.slice(0, -1), swapped].join(" ");
}

function swapSuffix(rng: Rng, words: string[]): string | null {
  const last = words[words.length - 1];
  const suffix = rng.pick(SHOP_SUFFIXES.filter((s) => s !== last));
  return [...words.slice(0, -1), suffix].join(" ");
}

/** A typing slip in one of the leading words: two letters swapped, one doubled, or one dropped. */
function typo(rng: Rng, words: string[]): string | null {
  const i = rng.int(Math.max(1, words.length - 1));
  const word = words[i] ?? "";
  if (word.length < 4) return null;
  const at = rng.between(1, word.length - 3);
  const slipped = rng.weighted<string>([
    [`${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`, 2],
    [`${word.slice(0, at)}${word[at]}${word.slice(at)}`, 1],
    [`${word.slice(0, at)}${word.slice(at + 1)}`, 1],
  ]);
  return words.map((w, j) => (j === i ? slipped : w)).join(" ");
}

function reorder(_rng: Rng, words: string[]): string | null {
  if (words.length < 3) return null;
  const [a, b, ...rest] = words;
  return [b, a, ...rest].join(" ");
}

function joinWords(_rng: Rng, words: string[]): string | null {
  if (words.length < 3) return null;
  const [a, b, ...rest] = words;
  return [`${a}${b}`, ...rest].join(" ");
}

const TRANSFORMS: readonly Transform[] = [swapNumber, swapSuffix, typo, reorder, joinWords];

/**
 * A name that imitates `real`, or null when every variant is taken. Tries the
 * transforms in a random order, each a few times (the random ones differ per try).
 */
export function lookAlikeName(rng: Rng, real: string, names: NameIndex): string | null {
  const words = real.split(" ");
  for (const transform of rng.sample(TRANSFORMS, TRANSFORMS.length)) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const candidate = transform(rng, words);
      if (candidate === null) break;
      const clash =
        candidate.toLowerCase() === real.toLowerCase() ||
        names.has(candidate) ||
        names.mentioned(candidate).length > 0;
      if (!clash) return candidate;
    }
  }
  return null;
}
