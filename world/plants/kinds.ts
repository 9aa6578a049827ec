// What can be planted in the demo world, and how plainly: every typology, and the
// hard negatives that must come out clean. A variant world (`variants: "mixed"`)
// also plants each typology through one coordination channel and, sometimes, an
// evasive shape the hand-set indicators were not tuned on.
import type { Typology } from "../../domain/typology.js";

export type Intensity = "blatant" | "subtle";

/** The hard negatives of the classic world, in planting order. */
export const CLASSIC_NEGATIVES = ["viral_seller", "shared_office_ip", "review_bombed"] as const;

/** Hard negatives only a variant world plants: innocent look-alikes of each channel. */
export const VARIANT_NEGATIVES = [
  "household",
  "campus_network",
  "carrier_nat",
  "influencer_surge",
  "wholesale_buyer",
  "payout_reverification",
  "family_business",
  "product_defect",
  "black_friday",
] as const;

export type NegativeKind = (typeof CLASSIC_NEGATIVES)[number] | (typeof VARIANT_NEGATIVES)[number];

export type PlantKind = Typology | NegativeKind;

/** How the accounts of a scheme are tied together (what an investigator can link them by). */
export const CHANNELS = ["device", "network", "address", "timing", "payout"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The shape of a planted typology: "standard" is the textbook pattern through its
 * channel; the others are evasive shapes seen in independently generated marketplaces.
 */
export const VARIANTS = [
  "standard",
  "aged_accounts",
  "thin_spread",
  "past_threshold",
  "same_country",
  "real_devices",
] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Shape {
  channel: Channel;
  variant: Variant;
}
