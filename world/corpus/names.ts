// Finds which shop names a text mentions, the way a reader (or /\b<name>\b/i) would:
// whole words, any case. A world can hold 20,000 names, so instead of one regex per
// name the index keys names by their first word and only checks those at each word.

const WORD = /\w+/g;
const WORD_CHAR = /\w/;

interface Entry {
  name: string;
  lower: string;
  /** Names ending in "." ("Co.") match whatever follows, like \b would not: stricter is safer. */
  endsInWord: boolean;
}

export class NameIndex {
  private readonly byFirstWord = new Map<string, Entry[]>();
  private readonly lowerNames = new Set<string>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const lower = name.toLowerCase();
      this.lowerNames.add(lower);
      const first = lower.match(/^\w+/)?.[0];
      // Every generated name starts with a word; anything else could not match \b<name> anyway.
      if (!first) continue;
      const entry = { name, lower, endsInWord: WORD_CHAR.test(name.slice(-1)) };
      const list = this.byFirstWord.get(first);
      if (list) list.push(entry);
      else this.byFirstWord.set(first, [entry]);
    }
  }

  /** Whether `name` is one of the index's names, ignoring case. */
  has(name: string): boolean {
    return this.lowerNames.has(name.toLowerCase());
  }

  /** The names `text` mentions as whole-word phrases, ignoring case, each once. */
  mentioned(text: string): string[] {
    const found = new Set<string>();
    for (const m of text.matchAll(WORD)) {
      const candidates = this.byFirstWord.get(m[0].toLowerCase());
      if (!candidates) continue;
      for (const c of candidates) {
        const end = m.index + c.lower.length;
        if (text.slice(m.index, end).toLowerCase() !== c.lower) continue;
        if (c.endsInWord && WORD_CHAR.test(text.charAt(end))) continue;
        found.add(c.name);
      }
    }
    return [...found];
  }
}
