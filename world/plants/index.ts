// Plants every typology at each intensity, and the hard negatives, around sellers
// drawn at random from the ordinary population.
import { type ManipulationChannel, manipulationFor } from "../manipulation.js";
import type { Seller } from "../world.js";
import { accountTakeover } from "./account-takeover.js";
import { brushing } from "./brushing.js";
import { clickFarm } from "./click-farm.js";
import { collusion } from "./collusion.js";
import { incentiveAbuse } from "./incentive-abuse.js";
import type { FlagSpec, Intensity, Plant, PlantContext, PlantHandle, PlantKind } from "./plant.js";
import { reviewBombed } from "./review-bombed.js";
import { sharedOfficeIp } from "./shared-office-ip.js";
import { viralSeller } from "./viral-seller.js";

/** One plant per kind: a Record, so a new typology cannot be left unplanted. */
const BY_KIND: Record<PlantKind, Plant> = {
  brushing,
  collusion,
  account_takeover: accountTakeover,
  incentive_abuse: incentiveAbuse,
  click_farm: clickFarm,
  viral_seller: viralSeller,
  shared_office_ip: sharedOfficeIp,
  review_bombed: reviewBombed,
};

/** In this order (the world's random draws depend on it). */
export const PLANTS: readonly Plant[] = Object.values(BY_KIND);

export interface PlantedCase {
  plant: Plant;
  kind: PlantKind;
  intensity: Intensity | null;
  seller: Seller;
  members: Seller[];
  flag: FlagSpec;
  handle: PlantHandle;
  /** Where the case's manipulation attempt was planted, if it has one. */
  manipulation: ManipulationChannel | null;
}

/**
 * Chooses the planted sellers and shapes them; call before ordinary activity. With
 * `manipulation`, the first case of some kinds also carries text aimed at an automated
 * reviewer (manipulation.ts); nothing else about the world changes.
 */
export function preparePlants(
  ctx: Omit<PlantContext, "claimSeller">,
  perIntensity: number,
  manipulation = true,
): { cases: PlantedCase[]; claimed: Set<Seller> } {
  const claimed = new Set<Seller>();
  const claimSeller = (): Seller => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const seller = ctx.rng.pick(ctx.world.sellers);
      if (!claimed.has(seller)) {
        claimed.add(seller);
        return seller;
      }
    }
    throw new Error("not enough sellers in the world to plant every case");
  };
  const full: PlantContext = { ...ctx, claimSeller };
  const cases: PlantedCase[] = [];
  for (const plant of PLANTS) {
    for (const intensity of plant.intensities) {
      for (let n = 0; n < perIntensity; n++) {
        const seller = claimSeller();
        const planted = manipulation ? manipulationFor(plant.kind, intensity, n) : null;
        if (planted) seller.manipulation = planted;
        const handle = plant.prepare(seller, intensity, full);
        cases.push({
          plant,
          kind: plant.kind,
          intensity,
          seller,
          members: handle.members,
          flag: handle.flag,
          handle,
          manipulation: planted?.channel ?? null,
        });
      }
    }
  }
  return { cases, claimed };
}

export async function applyPlants(
  cases: readonly PlantedCase[],
  drain: () => Promise<void>,
): Promise<void> {
  for (const planted of cases) {
    await planted.handle.apply();
    await drain();
  }
}
