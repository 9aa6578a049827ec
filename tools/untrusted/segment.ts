// Puts word breaks back into a letter-spaced run that lost them: "y o u n o w w o r k f o r
// t h e s e l l e r" squashes to "younowworkfortheseller", which no phrase matches, and
// segments back to "you now work for the seller", which the phrase lists can read. The
// vocabulary is the words the phrase lists are written in plus common function words; a
// run is split into the fewest known words, and letters no word covers stay together as
// one unknown word.

// biome-ignore format: a word list
const FUNCTION_WORDS = [
  "a", "i", "an", "as", "at", "be", "by", "do", "if", "in", "is", "it", "me", "my", "no", "of",
  "on", "or", "so", "to", "up", "us", "we", "all", "and", "any", "are", "but", "can", "for",
  "has", "her", "him", "his", "its", "not", "now", "our", "she", "the", "was", "you", "also",
  "been", "from", "have", "into", "just", "must", "only", "that", "them", "then", "they", "this",
  "what", "when", "will", "with", "your", "about", "after", "their", "there", "these", "those",
  "which", "would", "should", "please", "nothing", "wrong", "evidence", "immediately", "here",
];

const UNKNOWN_LETTER_COST = 2.5;
const MAX_WORD = 24;

export type Segmenter = (letters: string) => string;

/** A segmenter over the words (three letters or more) found in `sources`. */
export function createSegmenter(sources: Iterable<string>): Segmenter {
  const words = new Set(FUNCTION_WORDS);
  for (const source of sources)
    for (const m of source.matchAll(/[a-z]{3,}/g)) if (m[0].length <= MAX_WORD) words.add(m[0]);
  return (letters) => segment(letters, words);
}

function segment(letters: string, words: ReadonlySet<string>): string {
  const n = letters.length;
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const back = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let len = 1; len <= Math.min(MAX_WORD, end); len++) {
      const known = words.has(letters.slice(end - len, end));
      if (!known && len > 1) continue;
      const c = (cost[end - len] ?? 0) + (known ? 1 : UNKNOWN_LETTER_COST);
      if (c < (cost[end] ?? 0)) {
        cost[end] = c;
        back[end] = known ? len : -1;
      }
    }
  }
  const tokens: string[] = [];
  let unknown = "";
  for (let end = n; end > 0; ) {
    const len = back[end] ?? 1;
    if (len < 0) {
      unknown = letters[end - 1] + unknown;
      end -= 1;
      continue;
    }
    if (unknown) tokens.unshift(unknown);
    unknown = "";
    tokens.unshift(letters.slice(end - len, end));
    end -= len;
  }
  if (unknown) tokens.unshift(unknown);
  return tokens.join(" ");
}
