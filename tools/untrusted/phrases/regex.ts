// Compiles phrase lists. Phrases in other scripts need Unicode-aware regular expressions
// (\p{L} for "a letter"), so they are compiled with the u flag; g lets the scanner reset
// lastIndex and reuse one compiled expression for every text.

export function multilingual(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(source, "gu"));
}
