// Personal data out of every Slack message, by the same redactor that masks text
// before it reaches a model (tools/redact): emails, phones, cards, IBANs, national
// ids and street addresses become placeholders keyed by the case, so one value reads
// the same everywhere in a case's messages and cannot be linked across cases. The
// placeholder is then written as `[email 3f9a2c1b]`: Slack would read `<…>` as a link.
import { redactionSecret } from "../../db/repositories/installation.js";
import type { Queryable } from "../../db/types.js";
import { caseRedactionKey, createRedactor, PLACEHOLDER_SOURCE } from "../../tools/redact/index.js";

export type Mask = (text: string) => string;

const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, "g");

/** The placeholder of the redactor in words Slack shows as they are. */
export function slackPlaceholders(redacted: string): string {
  return redacted.replace(PLACEHOLDER, (p) => {
    const inner = p.slice(1, -1);
    const cut = inner.lastIndexOf("_");
    return `[${inner.slice(0, cut).toLowerCase().replace(/_/g, " ")} ${inner.slice(cut + 1)}]`;
  });
}

export interface Masks {
  /** The mask of one case's messages. */
  forCase(caseId: string): Promise<Mask>;
  /** The mask of a message about a seller across its cases. */
  forSeller(sellerId: string): Promise<Mask>;
}

export function createMasks(db: Queryable): Masks {
  let secret: Promise<string> | undefined;
  const make = async (scope: string): Promise<Mask> => {
    secret ??= redactionSecret(db);
    const redactor = createRedactor(caseRedactionKey(await secret, scope));
    return (text) => slackPlaceholders(redactor.redact(text));
  };
  return {
    forCase: (caseId) => make(caseId),
    forSeller: (sellerId) => make(`slack-seller:${sellerId}`),
  };
}
