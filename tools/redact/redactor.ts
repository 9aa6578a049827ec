// Replaces personal data with placeholders before text goes to a chat model. A placeholder
// is an HMAC of the value keyed by the case, so the same value always reads the same within
// a case, in whichever process works on it (runs resume elsewhere and replays compare
// requests), while placeholders from different cases cannot be linked. The case key must
// not be guessable from what the model sees: with it, short values such as phone numbers
// could be recovered by trying candidates. caseRedactionKey derives it from the
// installation's secret and the case id. The MAC is of the normalised value, so one datum
// written two ways (+44 20 7946 0958, ０２０ ７９４６ ０９５８) reads as one placeholder.
import { createHmac } from "node:crypto";
import { PII_KINDS, type PiiKind, replacePii } from "../../domain/pii.js";

/** What a placeholder looks like, as regex source: <EMAIL_3f9a2c1b>, <NATIONAL_ID_…>. */
export const PLACEHOLDER_SOURCE = `<(?:${PII_KINDS.map((k) => k.toUpperCase()).join("|")})_[0-9a-f]{8}>`;

export interface Redactor {
  /** `text` with every piece of personal data replaced by its placeholder. */
  redact(text: string): string;
  /** A copy with every string inside arrays and plain objects redacted; keys are kept. */
  redactValue<T>(value: T): T;
  /** How many distinct values of each kind this redactor has replaced. */
  stats(): Record<PiiKind, number>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The key of a case's redactor: the case id under the installation's secret. */
export function caseRedactionKey(installationSecret: string, caseId: string): string {
  if (installationSecret.length < 16) throw new Error("the installation secret is too short");
  return createHmac("sha256", installationSecret).update(`case:${caseId}`).digest("hex");
}

export function createRedactor(caseKey: string): Redactor {
  if (caseKey.length === 0) throw new Error("a redactor needs a non-empty case key");
  // Only MACs are kept, so the redactor itself holds no raw value after a call returns.
  const seen = new Map<PiiKind, Set<string>>(PII_KINDS.map((kind) => [kind, new Set()]));

  const placeholder = (kind: PiiKind, normalised: string): string => {
    const mac = createHmac("sha256", caseKey).update(`${kind}:${normalised}`).digest("hex");
    seen.get(kind)?.add(mac);
    return `<${kind.toUpperCase()}_${mac.slice(0, 8)}>`;
  };

  // replacePii looks again after replacing, so the result has nothing left to find and a
  // second call changes nothing.
  const redact = (text: string): string =>
    replacePii(text, (m) => placeholder(m.kind, m.normalised));

  const redactDeep = (value: unknown, ancestors: Set<unknown>): unknown => {
    if (typeof value === "string") return redact(value);
    if (!Array.isArray(value) && !isPlainObject(value)) return value;
    if (ancestors.has(value)) throw new TypeError("cannot redact a cyclic value");
    ancestors.add(value);
    const out = Array.isArray(value)
      ? value.map((item) => redactDeep(item, ancestors))
      : Object.fromEntries(
          Object.entries(value).map(([key, item]) => [key, redactDeep(item, ancestors)]),
        );
    ancestors.delete(value);
    return out;
  };

  return {
    redact,
    redactValue: <T>(value: T): T => redactDeep(value, new Set()) as T,
    stats: () =>
      Object.fromEntries(PII_KINDS.map((kind) => [kind, seen.get(kind)?.size ?? 0])) as Record<
        PiiKind,
        number
      >,
  };
}
