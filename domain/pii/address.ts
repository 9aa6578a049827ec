// Street addresses in free text, for domain/pii.ts: a house number with a street name and
// suffix (221B Baker Street, 12 baker street), and the continental forms (Hauptstraße 12,
// Rue de Rivoli 5, 12 rue de Rivoli, Via Roma 3, Calle Mayor 7), each with an optional flat
// or unit, and the postcode and city after it (postal.ts); and PO boxes. Names must be capitalised, except for a short lower-case English form, so that
// "took 5 minutes to drive" or "2 miles down the road" are not addresses.

import { notAfter } from "./patterns.js";
import { PO_BOX, POSTAL_TAIL } from "./postal.js";

// Case variants ("Street", "street", "STREET") without the i flag, which would also make
// \p{Lu} match lower case.
const anyCase = (words: string) =>
  words
    .split("|")
    .map((w) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}|${w.toUpperCase()}`)
    .join("|");
const HOUSE = String.raw`\d{1,5}(?:\s?[A-Za-z](?![\p{L}\p{N}]))?(?:[-/]\d{1,5}[A-Za-z]?)?`;
const CAP = String.raw`(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\p{L}{0,2}\.)`;
const NAME = String.raw`\p{Lu}\p{Ll}[\p{L}'’-]*`;
const PARTICLE =
  "(?:de la|de los|de las|de l'|del|della|delle|dei|di|de|du|des|d'|la|le|les|l'|of|the|van|von|der)";
const EN_SUFFIX = anyCase(
  "street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|dr|court|ct|way|place|pl|square|sq|terrace|ter|close|crescent|highway|hwy|parkway|pkwy|mews|grove",
);
const LOWER_STOP = String.raw`(?:the|a|an|on|to|of|in|at|by|for|from|down|up|across|along|my|our|your|this|that|same|whole|long|and|or|miles?|km|minutes?|hours?|days?|times?|blocks?|kids?|people|cars?)\b`;
const UNIT = String.raw`(?:,?\s*(?:${anyCase("apt|apartment|unit|suite|ste|flat|floor|fl|room|piso|puerta|wohnung|whg|etage|appartement|app|interno|int|bus")}|#)\.?\s*#?\s*[\p{L}\p{N}]{1,5}(?![\p{L}\p{N}])|,?\s*\d{1,2}[º°ª]\s?[A-Z]?(?![\p{L}\p{N}]))?`;
const UNITS =
  "days?|weeks?|months?|years?|hours?|minutes?|times?|items?|pcs|pieces?|stars?|euros?|dollars?";
const QUANTITY = String.raw`(?!\s*(?:${UNITS}|%|x\b))`;
const NOT_UNIT = `(?!(?:${anyCase(UNITS)})\\b)`;
const LEAD = String.raw`(?:${anyCase("rue|avenue|boulevard|place|allée|impasse|chemin|quai|via|viale|piazza|piazzale|corso|vicolo|largo|calle|avenida|plaza|paseo|camino|carrer|rua|praça|travessa")}|Avda\.|Av\.|C\/|[Uu]l\.|(?<!\bet )[Aa]l\.)`;
const ADDRESSES: readonly RegExp[] = [
  // 221B Baker Street, 350 5th Ave, 12 baker street
  new RegExp(
    String.raw`(?:${notAfter(String.raw`\p{L}\p{N}`)}(?:${anyCase("flat|apt|unit|suite")})\.?\s*[\p{L}\p{N}]{1,5},?\s+)?${notAfter(String.raw`\p{L}\p{N}_.,#`)}${HOUSE},?\s+(?:${NOT_UNIT}(?:${CAP}|\d{1,3}(?:st|nd|rd|th))\s+(?:${PARTICLE}\s+)?){1,4}?(?:${EN_SUFFIX})\.?(?![\p{L}\p{N}])${UNIT}`,
    "gu",
  ),
  new RegExp(
    String.raw`${notAfter(String.raw`\p{L}\p{N}_.,#`)}${HOUSE}\s+(?!${LOWER_STOP})\p{Ll}+(?:\s+(?!${LOWER_STOP})\p{Ll}+)?\s+(?:street|avenue|road|lane|boulevard|terrace)(?![\p{L}\p{N}])${UNIT}`,
    "gu",
  ),
  // Hauptstraße 12, Berliner Straße 5a, Kalverstraat 7
  new RegExp(
    String.raw`${notAfter(String.raw`\p{L}\p{N}`)}(?:\p{Lu}[\p{L}-]*?(?:straße|strasse|str\.|straat|weg|gasse|platz|allee|laan|gracht|plein|gatan|vej)|${NAME}\s(?:Straße|Strasse|Str\.|Weg|Gasse|Allee))\s?${HOUSE}(?![\p{L}\p{N}])${QUANTITY}${UNIT}`,
    "gu",
  ),
  // 12 rue de Rivoli, 5 avenue des Champs-Élysées
  new RegExp(
    String.raw`${notAfter(String.raw`\p{L}\p{N}_.,#`)}${HOUSE}(?:\s?(?:bis|ter))?,?\s+(?:${LEAD})\s+(?:${PARTICLE}\s*)?${NAME}(?:\s+(?:${PARTICLE}\s*)?${NAME}){0,3}${UNIT}`,
    "gu",
  ),
  // Rue de Rivoli 5, Via Roma 3, Calle Mayor, 7, C/ Mayor nº 7
  new RegExp(
    String.raw`${notAfter(String.raw`\p{L}\p{N}`)}(?:${LEAD})\s*(?:${PARTICLE}\s*)?${NAME}(?:\s+(?:${PARTICLE}\s*)?${NAME}){0,3},?\s+(?:n[º°o]\.?\s*)?${HOUSE}(?![\p{L}\p{N}])${QUANTITY}${UNIT}`,
    "gu",
  ),
];

/** The end of the postcode, city and state that follow an address ending at `end`. */
function withPostalTail(text: string, end: number): number {
  const tail = POSTAL_TAIL.exec(text.slice(end, end + 80));
  return tail ? end + tail[0].length : end;
}

/**
 * Where addresses and PO boxes occur in `text`, as [start, end) offsets. Overlapping
 * readings are joined, so a wrong reading that starts early ("2022\nVia Garibaldi") cannot
 * push out the right one that carries on to the postcode.
 */
export function addressSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [...ADDRESSES, PO_BOX])
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].trimEnd().length;
      spans.push([m.index, withPostalTail(text, end)]);
    }
  spans.sort((a, b) => a[0] - b[0]);
  const joined: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = joined[joined.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return joined;
}
