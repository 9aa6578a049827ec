// What an analyst writes when escalating a seller, in a variant world: the flag's
// plain reason (what the evaluation used to send), a wrong guess naming another
// typology, a lay description of the symptom, or nothing more than a routine
// re-review. Lay words are chosen by the flag's source, never by the truth, so they
// describe what was seen and give away no more than the flag does.

import type { Typology } from "../domain/typology.js";
import { TYPOLOGY_CATALOG } from "../domain/typology-catalog.js";
import type { Rng } from "./rng.js";

export const ALLEGATION_STYLES = ["plain", "misleading", "lay", "routine"] as const;
export type AllegationStyle = (typeof ALLEGATION_STYLES)[number];

export interface Allegation {
  text: string;
  style: AllegationStyle;
}

const STYLE_WEIGHTS: readonly (readonly [AllegationStyle, number])[] = [
  ["plain", 35],
  ["misleading", 20],
  ["lay", 30],
  ["routine", 15],
];

/** The flag-based allegation, worded as the evaluation words it when labels carry none. */
export function plainAllegation(reason: string): string {
  return `Flagged for review: ${reason}`;
}

const NAMED: Record<Typology, readonly string[]> = {
  brushing: [
    "Suspected brushing: fake orders to boost the shop's ranking",
    "Possible self-purchasing to inflate reviews",
  ],
  collusion: [
    "Possible collusion ring between this seller and its buyers",
    "Suspected coordinated buyers and sellers (wash trading)",
  ],
  account_takeover: [
    "Possible account takeover of this seller",
    "Seller account may be compromised",
  ],
  incentive_abuse: [
    "Suspected promo abuse with new-user coupons",
    "Welcome offer being farmed through this shop?",
  ],
  click_farm: [
    "Suspected click fraud on affiliate links",
    "Possible bot traffic on this seller's affiliate listings",
  ],
};

const LAY: Record<string, readonly string[]> = {
  "risk_model:review_integrity": [
    "the reviews on this shop look fake",
    "a customer says the five-star reviews here all read the same",
    "lots of glowing reviews showed up all at once",
  ],
  "risk_model:network": [
    "the same handful of people keep buying from this shop",
    "these buyers seem to know the seller somehow",
    "something feels off about who is buying here",
  ],
  "rule:payout_change_new_device": [
    "the seller's bank details changed, can someone check",
    "payout went to a different account this week",
    "seller changed where the money goes",
  ],
  "rule:promo_velocity": [
    "loads of first-time customers using the welcome code here",
    "the new-customer discount is getting used a lot at this shop",
  ],
  affiliate_monitor: [
    "affiliate numbers look weird for this shop",
    "tons of clicks on these listings but hardly anyone buys",
  ],
  "risk_model:velocity": [
    "sales went through the roof this month",
    "orders jumped overnight, is this legit",
  ],
  "rule:shared_ip": [
    "a bunch of accounts come from the same internet connection",
    "many buyers seem to share one network",
  ],
  buyer_reports: [
    "customers are complaining a lot about this shop",
    "lots of refunds and angry reviews lately",
  ],
  analyst: [
    "support ticket escalated, customer unhappy",
    "a customer asked us to look at this shop",
  ],
};

const ROUTINE = [
  "Routine re-review",
  "Periodic review of this seller",
  "Quarterly check, nothing specific",
  "Re-review requested by the queue, no notes",
];

/** The typology a flag source points at, if any (the catalogue's flag sources). */
function flaggedTypology(source: string): Typology | null {
  for (const [typology, entry] of Object.entries(TYPOLOGY_CATALOG))
    if (entry.flagSources.includes(source)) return typology as Typology;
  return null;
}

/** An analyst's allegation for a subject escalated with `flag`, whose truth is `truth`. */
export function draftAllegation(
  rng: Rng,
  truth: Typology | "none",
  flag: { source: string; reason: string },
): Allegation {
  const style = rng.weighted(STYLE_WEIGHTS);
  if (style === "plain") return { style, text: plainAllegation(flag.reason) };
  if (style === "routine") return { style, text: rng.pick(ROUTINE) };
  if (style === "lay") {
    const words = LAY[flag.source];
    if (words) return { style, text: rng.pick(words) };
    return { style: "plain", text: plainAllegation(flag.reason) };
  }
  // Misleading: a typology that is neither the truth nor what the flag points at.
  const pointed = flaggedTypology(flag.source);
  const others = (Object.keys(NAMED) as Typology[]).filter((t) => t !== truth && t !== pointed);
  return { style, text: rng.pick(NAMED[rng.pick(others)]) };
}
