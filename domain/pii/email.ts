// E-mail addresses: plain, with a quoted local part ("john doe"@example.com), with an IP
// literal for a domain (john@[192.0.2.1]), and obfuscated: john(at)example(dot)com,
// john [at] example [dot] com, john at example dot com, john @ example . com. Keyed on
// the plain lower-case address, so every way of writing one reads as one.
import { type Found, notAfter } from "./patterns.js";

const LOCAL = String.raw`[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const DOMAIN = String.raw`(?:${LABEL}\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])`;
const IP_LITERAL = String.raw`\[(?:\d{1,3}(?:\.\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]{2,45})\]`;
const QUOTED = String.raw`"[^"\\\n]{1,64}"`;
const EMAIL = new RegExp(
  String.raw`(?:${notAfter(String.raw`\p{L}\p{N}._%+-`)}${LOCAL}|(?<![\p{L}\p{N}])${QUOTED})@(?:${DOMAIN}|${IP_LITERAL})`,
  "gu",
);

// Obfuscated forms: an "at" and "dot"s in brackets or as words, or spaced symbols.
const BRACKETED = (words: string) => String.raw` ?[[({<] ?(?:${words}) ?[\])}>] ?`;
const AT_WORDS = "at|AT|At|arroba|ARROBA";
const DOT_WORDS = "dot|DOT|Dot|punkt|punto|point";
const AT = `(?:${BRACKETED(AT_WORDS)}| (?:${AT_WORDS}) | ?@ ?)`;
// A literal dot is spaced on both sides or neither: in "mail dot de. Fast" the ". " ends
// the sentence.
const DOT = String.raw`(?:${BRACKETED(DOT_WORDS)}| (?:${DOT_WORDS}) | \. |\.)`;
const OBFUSCATED = new RegExp(
  String.raw`${notAfter(String.raw`\p{L}\p{N}._%+-`)}[\p{L}\p{N}_%+-]+(?:${DOT}[\p{L}\p{N}_%+-]+)*${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}\p{L}{2,24}(?![\p{L}\p{N}])`,
  "gu",
);
// Top-level domains a spaced or word-form address must end in, so that "meet at home
// dot now" or "5 @ 3 . 99" stays text.
const TLDS = new Set(
  "com net org info biz io co me de fr it es nl be at ch uk pl se no dk fi pt ie ru cz gr hu ro eu us ca au nz in jp cn br mx ar tr za edu gov online shop store app xyz email mail".split(
    " ",
  ),
);

function plainAddress(obfuscated: string): string | undefined {
  const atWord = new RegExp(`^(.*?)${AT}(.*)$`, "u").exec(obfuscated);
  if (!atWord) return undefined;
  const [, local = "", domain = ""] = atWord;
  const dots = new RegExp(DOT, "gu");
  const plainLocal = local.replace(dots, ".");
  const labels = domain.split(dots);
  const tld = labels[labels.length - 1]?.toLowerCase() ?? "";
  const bracketed = /[[({<]/.test(obfuscated);
  // "at" as a bare word needs a "dot" word or bracket too: "sold at amazon.com" is no address.
  const wordAt = !bracketed && !obfuscated.includes("@");
  const dotWord = new RegExp(`${BRACKETED(DOT_WORDS)}| (?:${DOT_WORDS}) `, "u").test(domain);
  if (wordAt && !dotWord) return undefined;
  // Spaced dots belong to a spaced "@": after "a@b.io" a ". It" starts a sentence.
  if (/[^ ]@[^ ]/.test(obfuscated)) return undefined;
  if (!bracketed && !TLDS.has(tld)) return undefined;
  return `${plainLocal}@${labels.join(".")}`.toLowerCase();
}

/** E-mail addresses in normalised `text`. */
export function findEmails(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(EMAIL))
    found.push({ start: m.index, end: m.index + m[0].length, key: m[0].toLowerCase() });
  for (const m of text.matchAll(OBFUSCATED)) {
    if (/^[^ [({<]*@[^ [({<]*$/.test(m[0])) continue; // plain, found above
    const key = plainAddress(m[0]);
    if (key) found.push({ start: m.index, end: m.index + m[0].length, key });
  }
  return found;
}
