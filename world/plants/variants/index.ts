// The typology plants of a variant world: one per typology, each planting through
// one of its shapes (a coordination channel, and sometimes an evasive variant).
import type { Typology } from "../../../domain/typology.js";
import type { Plant } from "../plant.js";
import { accountTakeoverVariants } from "./account-takeover.js";
import { brushingVariants } from "./brushing.js";
import { clickFarmVariants } from "./click-farm.js";
import { collusionVariants } from "./collusion.js";
import { incentiveAbuseVariants } from "./incentive-abuse.js";

/** A Record, so a new typology cannot be left without variants. */
export const VARIANT_PLANTS: Record<Typology, Plant> = {
  brushing: brushingVariants,
  collusion: collusionVariants,
  account_takeover: accountTakeoverVariants,
  incentive_abuse: incentiveAbuseVariants,
  click_farm: clickFarmVariants,
};
