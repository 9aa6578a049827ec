// One entry per typology: what it looks like (as the prompts say it), the words of
// an allegation and the flag sources that point at it, and its playbook in the
// knowledge base. A Record over Typology, so adding a typology to domain/typology.ts
// makes the compiler name this entry, the indicator catalogue's, the reasoner's
// model and the demo world's plant — every place a new typology must fill.
import { TYPOLOGIES, type Typology } from "./typology.js";

export interface TypologyEntry {
  /** What it looks like in the data, as the reasoning prompt says it (continuation lines indented). */
  signals: string;
  /** Words of an allegation that point at it (the offline planner's first look). */
  allegation: RegExp;
  /** Flag sources that suggest it (a hint, never a decision). */
  flagSources: readonly string[];
  /** The knowledge base's playbook for it (a file of db/kb/). */
  playbook: string;
}

export const TYPOLOGY_CATALOG: Record<Typology, TypologyEntry> = {
  brushing: {
    signals: `fake orders from young single-seller buyer accounts sharing devices,
  IPs or addresses; templated five-star reviews posted soon after delivery.`,
    allegation:
      /brush|fake (order|review|buyer)|review (farm|manipulat|fraud)|empty (box|parcel|envelope)|(5|five)[- ]star|self[- ]purchas/i,
    flagSources: ["risk_model:review_integrity", "risk_model:velocity"],
    playbook: "brushing.md",
  },
  collusion: {
    signals: `a closed ring of buyers and sellers sharing devices, IPs or payout
  accounts; orders cancelled or refunded after promo credit or ranking gain.`,
    allegation:
      /collu|ring\b|wash trad|circular|self[- ]deal|coordinated (buyer|seller)|shared payout/i,
    flagSources: ["risk_model:network", "rule:shared_ip"],
    playbook: "collusion.md",
  },
  account_takeover: {
    signals: `a long-lived seller logs in from a new device and country,
  changes the payout account, lists high-value items and cashes out fast.`,
    allegation:
      /take ?over|hijack|compromis|hacked|stolen (account|credential)|payout (change|account)|new device/i,
    flagSources: ["rule:payout_change_new_device"],
    playbook: "account-takeover.md",
  },
  incentive_abuse: {
    signals: `new accounts redeem a new-user promotion from shared devices or
  addresses; orders undone after the credit.`,
    allegation:
      /promo|coupon|voucher|welcome (offer|bonus)|new[- ]user|incentive|referral|cashback/i,
    flagSources: ["rule:promo_velocity"],
    playbook: "incentive-abuse.md",
  },
  click_farm: {
    signals: "bursts of affiliate clicks from few IPs and emulators, near-zero conversion.",
    allegation: /click|affiliate|bot traffic|fake traffic|impression/i,
    flagSources: ["affiliate_monitor"],
    playbook: "click-farm.md",
  },
};

/** "brushing, collusion, …": the typologies as a prompt lists them. */
export const TYPOLOGY_NAMES = TYPOLOGIES.join(", ");

/** One "typology: signals" line each, as the reasoning prompt shows them. */
export const TYPOLOGY_SIGNALS = TYPOLOGIES.map((t) => `${t}: ${TYPOLOGY_CATALOG[t].signals}`).join(
  "\n",
);
