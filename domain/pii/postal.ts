// The postal parts of an address, for address.ts: PO boxes (PO Box 1234, Postfach 10 20 30,
// Apartado de Correos 45) and the postcode, city, state and country that follow a street
// (", London NW1 6XE", ", 10115 Berlin", ", Springfield, IL 62704"), so that masking a
// street does not leave the rest of the address beside its placeholder.
import { notAfter } from "./patterns.js";

export const PO_BOX = new RegExp(
  String.raw`${notAfter(String.raw`\p{L}\p{N}`)}(?:P\.? ?O\.? ?Box|POB|Post Office Box|Postfach|Postbus|Postboks|Postbox|Boîte [Pp]ostale|B\.P\.|Apartado(?: de [Cc]orreos)?|Apdo\.|Casella [Pp]ostale|Caixa [Pp]ostal|Skrytka [Pp]ocztowa) ?(?:No\.? ?|Nr\.? ?|#)?\d{1,6}(?: \d{2,3}){0,2}(?![\p{L}\p{N}])`,
  "giu",
);

const POSTCODE = [
  String.raw`[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}`, // UK
  String.raw`[A-Z]\d[A-Z] ?\d[A-Z]\d`, // Canada
  String.raw`[A-Z]\d{2} ?[A-Z\d]{4}`, // Ireland (Eircode)
  String.raw`\d{4} ?[A-Z]{2}`, // Netherlands
  String.raw`\d{5}-\d{3,4}|\d{3,4}-\d{3,4}|\d{2}-\d{3}`, // US ZIP+4, Brazil, Portugal, Japan, Poland
  String.raw`(?:[A-Z]{1,2}-)?\d{4,5}`, // most of Europe and US ZIP, perhaps with a country prefix
].join("|");
const PLACE = String.raw`\p{Lu}[\p{L}'’.-]*(?: (?:am |an der |upon |on |sur |de |di |del )?\p{Lu}[\p{L}'’.-]*){0,2}`;
const GAP = String.raw`(?:, ?| ?\n ?| - | )`;

/** At the start of what follows a street: places, then a postcode, then places. */
export const POSTAL_TAIL = new RegExp(
  String.raw`^(?:${GAP}${PLACE}){0,3}${GAP}(?:${POSTCODE})(?![\p{L}\p{N}])(?:${GAP}${PLACE}(?![\p{L}\p{N}])){0,2}`,
  "u",
);
