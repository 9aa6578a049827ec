// Finds the `casehound` commands a README shows: each `npx casehound …` line of a
// code block (continuation lines joined; environment settings, `$(`, pipes in front
// and trailing comments left out) and each inline `casehound …` code span. Splits
// each into words the way a shell would, and tells a concrete example from a synopsis.

export interface Example {
  /** "README.md:52" */
  where: string;
  /** The words after `casehound`, as the shell would pass them. */
  argv: string[];
  /** The leading words that are not options: the command path and arguments. */
  words: string[];
  /** Every option named, with the word after it (a value or a choice list like a|b). */
  options: { flag: string; value?: string }[];
  /** No placeholders or alternatives: parseable as it stands. */
  concrete: boolean;
}

/** Shell-like words: quotes group and are removed; an unquoted `#` after a space starts a comment. */
function shellWords(text: string): { words: string[]; quotedAt: Set<number> } {
  const words: string[] = [];
  const quotedAt = new Set<number>();
  let current: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      current ??= "";
      quotedAt.add(words.length);
    } else if (/\s/.test(c)) {
      if (current !== null) words.push(current);
      current = null;
    } else if (c === "#" && current === null) break;
    else current = (current ?? "") + c;
  }
  if (current !== null) words.push(current);
  return { words, quotedAt };
}

/** A word that stands for something: <id>, NAME, [--json], a|b, ... */
const PLACEHOLDER = /^[A-Z][A-Z_]*$|[<>[\]()…]|\.\.\.|^\|$/;

function example(text: string, where: string): Example | undefined {
  const { words, quotedAt } = shellWords(text);
  // `KEY=$(npx casehound keys create ...)`: the closing parenthesis is the shell's.
  const last = words.length - 1;
  if (last >= 0 && words[last]?.endsWith(")") && !words[last]?.includes("("))
    words[last] = (words[last] as string).slice(0, -1);
  const argv = words.filter((w) => w !== "");
  // In a synopsis an option may sit in brackets or among alternatives: [--json], (--approve | ...), [--kb|--web].
  const bare = (w: string) => w.replace(/^[[(]+/, "").replace(/[\])]+$/, "");
  const options = argv.flatMap((w, i) => {
    if (quotedAt.has(i)) return [];
    const next = argv[i + 1] === undefined ? undefined : bare(argv[i + 1] as string);
    return bare(w)
      .split("|")
      .filter((part) => /^--?[a-zA-Z][\w-]*(=.*)?$/.test(part))
      .map((part) => ({
        flag: part.replace(/=.*$/, ""),
        value: next === undefined || next.startsWith("-") ? undefined : next,
      }));
  });
  const firstOption = argv.findIndex((w) => bare(w).startsWith("-"));
  const head = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const concrete = !argv.some((w, i) => !quotedAt.has(i) && PLACEHOLDER.test(w));
  return argv.length ? { where, argv, words: head, options, concrete } : undefined;
}

export function commandExamples(markdown: string, file: string): Example[] {
  const lines = markdown.split("\n");
  const found: Example[] = [];
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*```/.test(line)) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) {
      const at = line.indexOf("npx casehound ");
      if (at < 0) continue;
      let text = line.slice(at + "npx casehound ".length);
      // Continuation: a trailing backslash, or an indented line of further options.
      while (i + 1 < lines.length) {
        const next = lines[i + 1] as string;
        if (text.trimEnd().endsWith("\\")) text = `${text.trimEnd().slice(0, -1)} ${next}`;
        else if (/^\s+[[-]/.test(next) && !/^\s*\|/.test(next)) text = `${text} ${next}`;
        else break;
        i++;
      }
      const e = example(text, `${file}:${i + 1}`);
      if (e) found.push(e);
    } else
      for (const span of line.matchAll(/`(?:npx )?casehound ([^`]+)`/g)) {
        // Prose names a command in passing: checked as a synopsis, never parsed.
        const e = example(span[1] as string, `${file}:${i + 1}`);
        if (e) found.push({ ...e, concrete: false });
      }
  }
  return found;
}
