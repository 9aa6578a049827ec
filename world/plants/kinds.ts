// What can be planted in the demo world, and how plainly: every typology, and the
// hard negatives that must come out clean.
import type { Typology } from "../../domain/typology.js";

export type Intensity = "blatant" | "subtle";

export type PlantKind = Typology | "viral_seller" | "shared_office_ip" | "review_bombed";
