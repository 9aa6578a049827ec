// Typology playbooks: how an allegation, a typology hint or a flag points at a
// typology, and which indicators screen for each typology cheaply.
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";
import { CONTEXT_INDICATORS } from "../../tools/indicators/catalog/context.js";
import { indicatorsFor, MODELS } from "../reasoning/model.js";

const ALLEGATION_PATTERNS: Record<Typology, RegExp> = {
  brushing:
    /brush|fake (order|review|buyer)|review (farm|manipulat|fraud)|empty (box|parcel|envelope)|(5|five)[- ]star|self[- ]purchas/i,
  collusion:
    /collu|ring\b|wash trad|circular|self[- ]deal|coordinated (buyer|seller)|shared payout/i,
  account_takeover:
    /take ?over|hijack|compromis|hacked|stolen (account|credential)|payout (change|account)|new device/i,
  incentive_abuse:
    /promo|coupon|voucher|welcome (offer|bonus)|new[- ]user|incentive|referral|cashback/i,
  click_farm: /click|affiliate|bot traffic|fake traffic|impression/i,
};

/** Flag sources and the typology each one suggests (a hint, never a decision). */
const FLAG_SOURCES: Record<string, Typology> = {
  "risk_model:review_integrity": "brushing",
  "risk_model:velocity": "brushing",
  "risk_model:network": "collusion",
  "rule:shared_ip": "collusion",
  "rule:payout_change_new_device": "account_takeover",
  "rule:promo_velocity": "incentive_abuse",
  affiliate_monitor: "click_farm",
};

export function suspectedTypologies(
  allegation: string,
  hints: readonly Typology[],
  flagSources: readonly string[],
): Typology[] {
  const suspected = new Set<Typology>(hints);
  for (const typology of TYPOLOGIES)
    if (ALLEGATION_PATTERNS[typology].test(allegation)) suspected.add(typology);
  for (const source of flagSources) {
    const typology = FLAG_SOURCES[source];
    if (typology) suspected.add(typology);
  }
  return TYPOLOGIES.filter((t) => suspected.has(t));
}

/** The three heaviest positive terms of a typology's model (and what gates them): a cheap first look. */
export function screeningIndicators(typology: Typology): string[] {
  const model = MODELS.find((m) => m.typology === typology);
  if (!model) return [];
  const terms = [...model.terms]
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  return [
    ...new Set(terms.flatMap((t) => (t.gate ? [t.indicator, t.gate.indicator] : [t.indicator]))),
  ];
}

export function deepIndicators(typology: Typology): string[] {
  return indicatorsFor(typology);
}

export const CONTEXT_INDICATOR_IDS = CONTEXT_INDICATORS.map((i) => i.id);
