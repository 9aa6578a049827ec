// The offline reasoner's model: per typology, which indicators it reads, how each
// value's level maps to [0, 1] (a share as is, a count saturating at `scale`, a
// band, a mark to stay under), which family of evidence each comes from, what a
// finding claims — and the hand-set weights. Those weights are the documented
// prior: set from what each signal means (DESIGN.md, "Typologies and their
// signals"), they fix each term's direction (a positive weight is evidence for the
// typology, a negative one evidence against it) and are what `casehound train`
// starts from and regularises towards. The weights a verdict is decided with come
// from a weights file (weights.ts), which adds each indicator's standing among its
// category's sellers (features.ts).
import { TYPOLOGIES, type Typology } from "../../domain/typology.js";

export type Feature =
  | { kind: "share" }
  /** min(1, value / scale) */
  | { kind: "saturating"; scale: number }
  /** clamp((value - from) / (to - from), 0, 1) */
  | { kind: "band"; from: number; to: number }
  /** 1 at or under `below` (e.g. a conversion rate near zero), fading to 0 at three times it */
  | { kind: "below"; below: number };

export interface Term {
  indicator: string;
  weight: number;
  feature: Feature;
  /** Which family of evidence the signal comes from: two strong signals must differ to be independent. */
  family:
    | "accounts"
    | "devices"
    | "addresses"
    | "reviews"
    | "logins"
    | "payouts"
    | "listings"
    | "orders"
    | "clicks"
    | "promotions"
    | "links";
  /** Where the reading comes from: the indicator catalogue (default) or the link-analysis agent. */
  source?: "catalogue" | "links";
  /**
   * Counts fully when this other indicator is at least `min`, not at all under half of
   * it (a rate over too few events means little). `source` as the term's.
   */
  gate?: { indicator: string; min: number; source?: "catalogue" | "links" };
  /** The claim a finding states when this term contributes, with {value} filled in. */
  claim: string;
}

export interface TypologyModel {
  typology: Typology;
  bias: number;
  terms: Term[];
}

/** A contribution of at least this many log-odds is a strong signal (the ban gate counts them). */
export const STRONG_SIGNAL = 2;

/** The link terms' gate: the block's trade undone (link.block_undo_rate). */
const BLOCK_UNDONE = { indicator: "link.block_undo_rate", min: 0.15, source: "links" } as const;

/** Each typology's model: a Record, so a new typology cannot be left without one. */
const BY_TYPOLOGY: Record<Typology, Omit<TypologyModel, "typology">> = {
  brushing: {
    bias: -4,
    terms: [
      {
        indicator: "brushing.buyer_device_sharing",
        weight: 5,
        feature: { kind: "share" },
        family: "devices",
        claim: "{value} of the seller's recent buyers share a device with another of its buyers",
      },
      {
        indicator: "brushing.buyer_address_sharing",
        weight: 3,
        feature: { kind: "share" },
        family: "addresses",
        claim:
          "{value} of the seller's recent buyers share a shipping address with another of its buyers",
      },
      {
        indicator: "brushing.fresh_single_seller_buyers",
        weight: 4,
        feature: { kind: "share" },
        family: "accounts",
        claim: "{value} of the seller's recent buyers are fresh accounts that buy nowhere else",
      },
      {
        indicator: "brushing.templated_reviews",
        weight: 3,
        feature: { kind: "share" },
        family: "reviews",
        claim: "{value} of the seller's recent five-star reviews repeat the same text",
      },
      {
        indicator: "brushing.fast_reviews",
        weight: 2,
        feature: { kind: "band", from: 0.2, to: 0.8 },
        family: "reviews",
        claim: "{value} of recent reviews were posted within a day of delivery",
      },
      {
        indicator: "incentive_abuse.fresh_promo_redemptions",
        weight: -5,
        feature: { kind: "saturating", scale: 20 },
        family: "promotions",
        claim:
          "the fresh accounts redeem a new-user promotion ({value} redemptions): promotion abuse explains them better than brushing",
      },
      {
        indicator: "context.established_buyer_share",
        weight: -2,
        feature: { kind: "band", from: 0.7, to: 1 },
        family: "accounts",
        claim: "{value} of recent buyers are established accounts, the signature of genuine demand",
      },
    ],
  },
  collusion: {
    bias: -3.5,
    terms: [
      {
        indicator: "collusion.buyers_on_seller_devices",
        weight: 3,
        feature: { kind: "saturating", scale: 1 },
        family: "devices",
        claim: "{value} buyers ordered from the seller's own devices",
      },
      {
        indicator: "collusion.buyers_on_seller_ips",
        weight: 1.2,
        feature: { kind: "saturating", scale: 5 },
        family: "devices",
        claim: "{value} buyers ordered from the seller's own IP addresses",
      },
      {
        indicator: "collusion.buyers_on_other_seller_network",
        weight: 2.5,
        feature: { kind: "saturating", scale: 3 },
        family: "devices",
        claim: "{value} buyers ordered here from another seller's devices or IPs",
      },
      {
        indicator: "collusion.shared_payout_account",
        weight: 3,
        feature: { kind: "saturating", scale: 1 },
        family: "payouts",
        claim: "{value} other sellers are paid into the same account",
      },
      {
        indicator: "collusion.undo_rate_120d",
        weight: 2.5,
        feature: { kind: "band", from: 0.1, to: 0.4 },
        family: "orders",
        claim: "{value} of recent orders were cancelled or refunded",
      },
      {
        indicator: "collusion.repeat_concentration",
        weight: 2,
        feature: { kind: "band", from: 0.2, to: 0.5 },
        family: "orders",
        claim: "{value} of recent orders come from a few repeat buyers",
      },
      // Association (the link-analysis agent's readings) counts only beside the ring's
      // signature in the block's own trade — the orders its sellers got from the buyers
      // they share, undone after the credit or the ranking gain — so a link is evidence
      // for the reasoner, never a finding on its own. Read on the block, not the whole
      // shop: a partner's ring trade is a small part of its orders.
      {
        indicator: "link.linked_sellers",
        weight: 1.5,
        feature: { kind: "saturating", scale: 2 },
        family: "links",
        source: "links",
        gate: BLOCK_UNDONE,
        claim:
          "{value} other sellers are linked to this one through devices, IPs, payout accounts or addresses few accounts share",
      },
      {
        indicator: "link.block_share",
        weight: 2,
        feature: { kind: "band", from: 0.05, to: 0.3 },
        family: "links",
        source: "links",
        gate: BLOCK_UNDONE,
        claim: "{value} of the seller's recent buyers also buy from the sellers linked to it",
      },
      {
        indicator: "link.sanctioned_neighbours",
        weight: 1,
        feature: { kind: "saturating", scale: 1 },
        family: "links",
        source: "links",
        gate: BLOCK_UNDONE,
        claim: "{value} linked sellers were sanctioned, or flagged for collusion, before",
      },
    ],
  },
  account_takeover: {
    bias: -4.5,
    terms: [
      {
        indicator: "account_takeover.novel_login",
        weight: 3,
        feature: { kind: "saturating", scale: 1 },
        family: "logins",
        claim:
          "{value} logins (weighted) from a device the long-lived account had never used, in a new country or its own",
      },
      {
        indicator: "account_takeover.payout_change_after_novel_login",
        weight: 3.5,
        feature: { kind: "saturating", scale: 1 },
        family: "payouts",
        claim:
          "the payout account was changed from the new device within 48 hours of its login ({value})",
      },
      {
        indicator: "account_takeover.failed_logins_new_device",
        weight: 1,
        feature: { kind: "saturating", scale: 5 },
        family: "logins",
        claim: "{value} failed logins from devices never used successfully before",
      },
      {
        indicator: "account_takeover.high_value_new_listings",
        weight: 2,
        feature: { kind: "saturating", scale: 3 },
        family: "listings",
        claim: "{value} new listings priced over five times the seller's usual price",
      },
      {
        indicator: "account_takeover.undelivered_high_value_orders",
        weight: 1,
        feature: { kind: "saturating", scale: 10 },
        family: "orders",
        claim: "{value} orders on the new high-value listings are undelivered",
      },
    ],
  },
  incentive_abuse: {
    bias: -4,
    terms: [
      {
        indicator: "incentive_abuse.fresh_promo_share",
        weight: 4,
        feature: { kind: "band", from: 0.02, to: 0.3 },
        family: "promotions",
        gate: { indicator: "incentive_abuse.fresh_promo_redemptions", min: 5 },
        claim:
          "{value} of recent orders are new-user promotion redemptions by fresh accounts (weighted by how fresh)",
      },
      {
        indicator: "incentive_abuse.redeemer_device_sharing",
        weight: 3,
        feature: { kind: "share" },
        family: "devices",
        gate: { indicator: "incentive_abuse.fresh_promo_redemptions", min: 5 },
        claim: "{value} of those redeemers share a device with another redeemer",
      },
      {
        indicator: "incentive_abuse.fresh_promo_undo_rate",
        weight: 2,
        feature: { kind: "share" },
        family: "orders",
        gate: { indicator: "incentive_abuse.fresh_promo_redemptions", min: 10 },
        claim: "{value} of those redemptions were cancelled or refunded after the credit",
      },
      {
        indicator: "brushing.buyer_address_sharing",
        weight: 1.5,
        feature: { kind: "share" },
        family: "addresses",
        claim: "{value} of recent buyers share a shipping address with another buyer",
      },
    ],
  },
  click_farm: {
    bias: -4.5,
    terms: [
      {
        indicator: "click_farm.clicks_per_ip",
        weight: 3,
        feature: { kind: "band", from: 2, to: 20 },
        family: "clicks",
        claim: "{value} affiliate clicks per IP address",
      },
      {
        indicator: "click_farm.emulator_share",
        weight: 3,
        feature: { kind: "share" },
        family: "devices",
        claim: "{value} of affiliate clicks come from emulated devices",
      },
      {
        indicator: "click_farm.conversion_rate",
        weight: 2,
        feature: { kind: "below", below: 0.01 },
        family: "orders",
        gate: { indicator: "click_farm.clicks_30d", min: 300 },
        claim: "only {value} of affiliate clicks became orders",
      },
      {
        indicator: "click_farm.clicks_30d",
        weight: 1,
        feature: { kind: "saturating", scale: 1000 },
        family: "clicks",
        claim: "{value} affiliate clicks in 30 days",
      },
    ],
  },
};

export const MODELS: readonly TypologyModel[] = TYPOLOGIES.map((typology) => ({
  typology,
  ...BY_TYPOLOGY[typology],
}));

/** Every catalogued indicator the models read, by typology (the planner's deep-dive list). */
export function indicatorsFor(typology: Typology): string[] {
  const model = MODELS.find((m) => m.typology === typology);
  if (!model) return [];
  return [
    ...new Set(
      model.terms.flatMap((t) => [
        ...(t.source === "links" ? [] : [t.indicator]),
        ...(t.gate && t.gate.source !== "links" ? [t.gate.indicator] : []),
      ]),
    ),
  ];
}

/** The readings the link-analysis agent gives the models (not in the indicator catalogue). */
export const LINK_INDICATOR_IDS: readonly string[] = [
  ...new Set(
    MODELS.flatMap((m) => m.terms.filter((t) => t.source === "links").map((t) => t.indicator)),
  ),
];
