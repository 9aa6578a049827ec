// What a planted case is: a pattern written into the world around a chosen seller,
// at a blatant or a subtle intensity, whose truth goes into the labels file only.
import type { Typology } from "../../../domain/typology.js";
import type { Rng } from "../rng.js";
import { ts } from "../tables.js";
import type { Country } from "../vocabulary.js";
import type { Buyer, Seller, World, WorldWriter } from "../world.js";

export type Intensity = "blatant" | "subtle";

export type PlantKind = Typology | "viral_seller" | "shared_office_ip" | "review_bombed";

export interface PlantContext {
  rng: Rng;
  world: World;
  writer: WorldWriter;
  /** Reserves another seller (a ring partner) so no other plant uses it. */
  claimSeller(): Seller;
}

export interface FlagSpec {
  source: string;
  reason: string;
  score: number;
}

export interface PlantHandle {
  /** Sellers that belong to the case besides the primary subject (ring members). */
  members: Seller[];
  /** Writes the pattern's rows; runs after ordinary activity. */
  apply(): void | Promise<void>;
  flag: FlagSpec;
}

export interface Plant {
  kind: PlantKind;
  typology: Typology | "none";
  /** Hard negatives have no intensity. */
  intensities: readonly (Intensity | null)[];
  /** Shapes the seller before ordinary activity and returns how to finish the plant. */
  prepare(seller: Seller, intensity: Intensity | null, ctx: PlantContext): PlantHandle;
}

/** A buyer account made for a campaign (mass-registered, or a ring's). */
export function campaignBuyer(
  ctx: PlantContext,
  b: {
    registeredAt: number;
    country: Country;
    emailDomain: string;
    devices: string[];
    homeIp: string;
    addressId: string;
    kycVerified?: boolean;
  },
): Buyer {
  const buyer: Buyer = {
    id: ctx.writer.ids.next("byr"),
    registeredAt: b.registeredAt,
    country: b.country,
    devices: b.devices,
    homeIp: b.homeIp,
    addressId: b.addressId,
  };
  ctx.writer.sink.push("buyers", [
    buyer.id,
    ts(b.registeredAt),
    b.country.code,
    b.emailDomain,
    b.kycVerified ?? false,
    "active",
  ]);
  return buyer;
}

export function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** Established buyers (registered well before `before`) from the ordinary population. */
export function establishedBuyers(
  rng: Rng,
  world: World,
  count: number,
  before: number,
  country?: Country,
): Buyer[] {
  const chosen = new Set<Buyer>();
  for (let attempts = 0; chosen.size < count && attempts < count * 200; attempts++) {
    const buyer = rng.pick(world.buyers);
    if (buyer.registeredAt < before && (!country || buyer.country.code === country.code))
      chosen.add(buyer);
  }
  return [...chosen];
}
