// Shapes whose digits look like phones, cards or national ids but are not personal data:
// dates, times, amounts, UUIDs, machine addresses, hex ids, and numbers a label calls an
// order, tracking, SKU or similar id. They are blanked with "_", a word character, before
// number scanning, so nothing next to a blanked span can start or end a match either.

const CURRENCY = String.raw`(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|PLN|SEK|NOK|DKK|CZK|HUF)\b)`;
const AMOUNT = String.raw`\d{1,3}(?:[,.' ]\d{3})*(?:[.,]\d{1,2})?`;
// Labels of ids whose number follows (English, German, French, Italian, Spanish, Dutch).
const ID_LABEL = String.raw`\b(?:[Oo]rder|ORDER|[Oo]rd|[Ii]nvoice|[Tt]racking|[Ss]hipment|[Pp]arcel|[Pp]ackage|SKU|[Ss]ku|EAN|GTIN|UPC|ISBN|ASIN|MPN|[Rr]ef(?:erence)?|[Ii]tem|[Aa]rticle|[Aa]rt|[Ll]ot|[Bb]atch|[Ss]erial|S\/N|[Mm]odel|[Pp]art|[Tt]icket|[Tt]ransaction|[Tt]xn|AWB|IMEI|IMSI|VIN|[Bb]arcode|[Cc]ontainer|[Vv]ersion|[Bb]uild|[Bb]estellung|[Bb]estellnummer|[Ss]endungsnummer|[Aa]rtikelnummer|[Rr]echnung|[Cc]ommande|[Cc]olis|[Ff]acture|[Oo]rdine|[Ss]pedizione|[Pp]edido|[Ff]actura|[Ee]nvío|[Bb]estelling|[Zz]ending)`;
const LABELLED_ID = new RegExp(
  String.raw`(?<=${ID_LABEL}\.?(?: ?(?:[Nn]o\.?|[Nn]r\.?|[Nn]um(?:ber)?|[Nn]ummer|[Ii][Dd]|#|n[º°o]\.?|numéro|numero|número|code|[Cc]ode))? ?[:#]? ?)[A-Z]{0,4}\d(?:[\dA-Z./_-]| (?=\d))*`,
  "gu",
);

const LOOKALIKES: readonly RegExp[] = [
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  /(?<!\d)(?:\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:(?:T\d{2}:?\d{2}(?::?\d{2})?|[ T]\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?(?![./-]?\d)/g,
  /(?<![\d./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./]\d{1,2}[./]\d{1,2})(?![./-]?\d)/g,
  /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g,
  /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d|\.\d)/g,
  /(?<![\p{L}\p{N}_])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![\p{L}\p{N}_])/giu,
  // A space, not a line break: the next line's number is not the amount.
  new RegExp(String.raw`${CURRENCY} ?${AMOUNT}(?!\d)`, "g"),
  new RegExp(String.raw`(?<![\d.,])${AMOUNT} ?${CURRENCY}`, "g"),
  /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|[.,]\d)/g,
  /(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)/g,
  /(?<![\d.,])\d+[.,]\d+(?!\d|[.,]\d)/g,
  LABELLED_ID,
];

/** `text` with every look-alike blanked to "_" of the same length. */
export function shield(text: string): string {
  let out = text;
  for (const re of LOOKALIKES) out = out.replace(re, (m) => "_".repeat(m.length));
  return out;
}
