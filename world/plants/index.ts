// Plants every typology at each intensity, and the hard negatives, around sellers
// drawn at random from the ordinary population. The classic world plants the
// textbook shapes; a variant world ("mixed") plants each typology through shapes
// drawn per seed, and more hard negatives.
import { type ManipulationChannel, manipulationFor } from "../manipulation.js";
import type { VariantMode } from "../modes.js";
import type { Rng } from "../rng.js";
import type { Seller } from "../world.js";
import { accountTakeover } from "./account-takeover.js";
import { blackFriday } from "./black-friday.js";
import { brushing } from "./brushing.js";
import { campusNetwork } from "./campus-network.js";
import { carrierNat } from "./carrier-nat.js";
import { clickFarm } from "./click-farm.js";
import { collusion } from "./collusion.js";
import { familyBusiness } from "./family-business.js";
import { household } from "./household.js";
import { incentiveAbuse } from "./incentive-abuse.js";
import { influencerSurge } from "./influencer-surge.js";
import { type Channel, CLASSIC_NEGATIVES, VARIANT_NEGATIVES, type Variant } from "./kinds.js";
import { payoutReverification } from "./payout-reverification.js";
import type {
  FlagSpec,
  Intensity,
  Plant,
  PlantContext,
  PlantHandle,
  PlantKind,
  Shape,
} from "./plant.js";
import { productDefect } from "./product-defect.js";
import { reviewBombed } from "./review-bombed.js";
import { sharedOfficeIp } from "./shared-office-ip.js";
import { VARIANT_PLANTS } from "./variants/index.js";
import { viralSeller } from "./viral-seller.js";
import { wholesaleBuyer } from "./wholesale-buyer.js";

/** One plant per kind: a Record, so a new typology cannot be left unplanted. */
export const BY_KIND: Record<PlantKind, Plant> = {
  brushing,
  collusion,
  account_takeover: accountTakeover,
  incentive_abuse: incentiveAbuse,
  click_farm: clickFarm,
  viral_seller: viralSeller,
  shared_office_ip: sharedOfficeIp,
  review_bombed: reviewBombed,
  household,
  campus_network: campusNetwork,
  carrier_nat: carrierNat,
  influencer_surge: influencerSurge,
  wholesale_buyer: wholesaleBuyer,
  payout_reverification: payoutReverification,
  family_business: familyBusiness,
  product_defect: productDefect,
  black_friday: blackFriday,
};

const TYPOLOGY_KINDS = [
  "brushing",
  "collusion",
  "account_takeover",
  "incentive_abuse",
  "click_farm",
] as const;

/** The classic world's plants, in this order (the world's random draws depend on it). */
export const PLANTS: readonly Plant[] = [...TYPOLOGY_KINDS, ...CLASSIC_NEGATIVES].map(
  (kind) => BY_KIND[kind],
);

/** A variant world's plants: the typologies' variant plants, then every hard negative. */
export const MIXED_PLANTS: readonly Plant[] = [
  ...TYPOLOGY_KINDS.map((kind) => VARIANT_PLANTS[kind]),
  ...[...CLASSIC_NEGATIVES, ...VARIANT_NEGATIVES].map((kind) => BY_KIND[kind]),
];

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
  /** A variant world's channel: the scheme's, or the one a hard negative looks like. */
  channel: Channel | null;
  /** A variant world's typology shape ("standard" or an evasive one). */
  variant: Variant | null;
}

/** Each plant's shapes, shuffled per seed and dealt in turn: a world covers as many as it can. */
function shapeDealer(rng: Rng): (plant: Plant) => Shape | undefined {
  const decks = new Map<Plant, { cards: Shape[]; next: number }>();
  return (plant) => {
    if (!plant.shapes?.length) return undefined;
    let deck = decks.get(plant);
    if (!deck) {
      deck = { cards: rng.sample(plant.shapes, plant.shapes.length), next: 0 };
      decks.set(plant, deck);
    }
    return deck.cards[deck.next++ % deck.cards.length];
  };
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
  mode: VariantMode = "classic",
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
  const mixed = mode === "mixed";
  // Forking draws nothing from ctx.rng: the classic world's sequence is untouched.
  const dealShape = shapeDealer(ctx.rng.fork("shapes"));
  const cases: PlantedCase[] = [];
  for (const plant of mixed ? MIXED_PLANTS : PLANTS) {
    for (const intensity of plant.intensities) {
      for (let n = 0; n < perIntensity; n++) {
        const seller = claimSeller();
        const shape = mixed ? dealShape(plant) : undefined;
        // A thin spread writes no templated reviews, so a template's note has nowhere to go.
        const planted =
          manipulation && shape?.variant !== "thin_spread"
            ? manipulationFor(plant.kind, intensity, n)
            : null;
        if (planted) seller.manipulation = planted;
        const handle = plant.prepare(seller, intensity, full, shape);
        cases.push({
          plant,
          kind: plant.kind,
          intensity,
          seller,
          members: handle.members,
          flag: handle.flag,
          handle,
          manipulation: planted?.channel ?? null,
          channel: mixed ? (shape?.channel ?? plant.resembles ?? null) : null,
          variant: shape?.variant ?? null,
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
