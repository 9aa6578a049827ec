// The fraud typologies casehound investigates (DESIGN.md, "Typologies and their signals").
import { z } from "zod";

export const Typology = z.enum([
  "brushing",
  "collusion",
  "account_takeover",
  "incentive_abuse",
  "click_farm",
]);
export type Typology = z.infer<typeof Typology>;

export const TYPOLOGIES = Typology.options;
