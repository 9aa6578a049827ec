// A compact confusable-skeleton table in the spirit of Unicode TR39: letters of other scripts
// that look like a Latin letter map to that letter, so
// "ignоre" with a Cyrillic о reads as "ignore". It is applied after NFKD, which already folds
// fullwidth forms, mathematical alphanumerics and circled letters to plain ones; what is left
// here is what compatibility decomposition does not touch. Upper and lower case are listed
// separately because the look-alike differs (Greek Η looks like H, η like n).

// biome-ignore format: a table reads better than one pair a line
const PAIRS: Record<string, string> = {
  // Cyrillic capitals and small letters
  А: "a", В: "b", Е: "e", Ё: "e", К: "k", М: "m", Н: "h", О: "o", Р: "p", С: "c", Т: "t",
  Х: "x", У: "y", І: "i", Ї: "i", Ј: "j", Ѕ: "s", Ԛ: "q", Ԝ: "w", Һ: "h", Ӏ: "l", Ь: "b",
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t",
  х: "x", у: "y", і: "i", ї: "i", ј: "j", ѕ: "s", ԛ: "q", ԝ: "w", һ: "h", ӏ: "l", ь: "b",
  ԁ: "d", г: "r", п: "n", ɡ: "g",
  // Greek capitals and small letters
  Α: "a", Β: "b", Ε: "e", Ζ: "z", Η: "h", Ι: "i", Κ: "k", Μ: "m", Ν: "n", Ο: "o", Ρ: "p",
  Τ: "t", Υ: "y", Χ: "x", α: "a", β: "b", γ: "y", ε: "e", η: "n", ι: "i", κ: "k", ν: "v",
  ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w", ϲ: "c", ϳ: "j", μ: "u",
  // Armenian
  օ: "o", ս: "u", հ: "h", ո: "n", Օ: "o", Ս: "u",
  // Latin letters that NFKD leaves alone: dotless i, small capitals, script forms
  ı: "i", ȷ: "j", ɑ: "a", ɩ: "i", ɪ: "i", ʟ: "l", ᴀ: "a", ʙ: "b", ᴄ: "c", ᴅ: "d", ᴇ: "e",
  ɢ: "g", ʜ: "h", ᴊ: "j", ᴋ: "k", ᴍ: "m", ɴ: "n", ᴏ: "o", ᴘ: "p", ʀ: "r", ꜱ: "s", ᴛ: "t",
  ᴜ: "u", ᴠ: "v", ᴡ: "w", ʏ: "y", ᴢ: "z", ł: "l", ø: "o", đ: "d", ħ: "h",
};

// Digits and symbols written for letters ("1gn0r3", "@ct @s"): only where they touch a
// letter, so "2 days" and "5 stars" stay as they are.
// biome-ignore format: a table
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "|": "l" };
const LEET_IN_WORD = /(?<=\p{L})[013457@$|]+|[013457@$|]+(?=\p{L})/gu;

/** `text` with l33t digits and symbols inside words read as letters; same length. */
export function unleet(text: string): string {
  return text.replace(LEET_IN_WORD, (run) => Array.from(run, (c) => LEET[c] ?? c).join(""));
}

const CONFUSABLE = new Map(Object.entries(PAIRS));
const REGIONAL_A = 0x1f1e6;

/** The Latin letter `ch` (one code point, already NFKD-folded) looks like, or `ch` itself. */
export function skeletonOf(ch: string): string {
  const mapped = CONFUSABLE.get(ch);
  if (mapped !== undefined) return mapped;
  // Regional-indicator letters (🇮🇬🇳) read as letters when not paired into a flag.
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= REGIONAL_A && cp < REGIONAL_A + 26) return String.fromCharCode(97 + cp - REGIONAL_A);
  return ch;
}
