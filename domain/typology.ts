// The fraud typologies casehound investigates (DESIGN.md, "Typologies and their signals").
import { z } from "zod";
import { TYPOLOGY_NAMES } from "./vocabulary.js";

export const Typology = z.enum(TYPOLOGY_NAMES);
export type Typology = z.infer<typeof Typology>;

export const TYPOLOGIES = Typology.options;
