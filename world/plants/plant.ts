// What a planted case is: a pattern written into the world around a chosen seller,
// at a blatant or a subtle intensity, whose truth goes into the labels file only.

import type { Typology } from "../../domain/typology.js";
import { ts } from "../cells.js";
import type { Rng } from "../rng.js";
import { DAY_MS, MINUTE_MS } from "../sizes.js";
import { type Country, DISPOSABLE_EMAIL_DOMAINS, EMAIL_DOMAINS } from "../vocabulary.js";
import type { Buyer, Seller, World, WorldWriter } from "../world.js";
import type { Channel, Intensity, PlantKind, Shape } from "./kinds.js";

export type { Intensity, PlantKind, Shape };

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
  /** The shapes a variant world draws from (typology plants of world/plants/variants/). */
  shapes?: readonly Shape[];
  /** The channel a hard negative looks like a scheme through (its label's `channel`). */
  resembles?: Channel;
  /**
   * Shapes the seller before ordinary activity and returns how to finish the plant;
   * a variant plant is given one of its `shapes`.
   */
  prepare(
    seller: Seller,
    intensity: Intensity | null,
    ctx: PlantContext,
    shape?: Shape,
  ): PlantHandle;
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

/** The shared infrastructure of a mass-registration campaign. */
export interface AccountFarm {
  devices: string[];
  ips: string[];
  addresses: string[];
  country: Country;
  /** Share of the accounts registered with a throwaway e-mail domain. */
  disposable: number;
}

/**
 * Registers a fresh campaign account `ageDays` before `at` on one of the farm's
 * devices, IPs and addresses, and logs it in just before `at`.
 */
export function freshAccount(
  ctx: PlantContext,
  farm: AccountFarm,
  at: number,
  ageDays: readonly [number, number],
  loginLeadMinutes: number,
): { buyer: Buyer; deviceId: string; ip: string } {
  const { rng } = ctx;
  const deviceId = rng.pick(farm.devices);
  const ip = rng.pick(farm.ips);
  const buyer = campaignBuyer(ctx, {
    registeredAt: at - rng.uniform(ageDays[0], ageDays[1]) * DAY_MS,
    country: farm.country,
    emailDomain: rng.chance(farm.disposable)
      ? rng.pick(DISPOSABLE_EMAIL_DOMAINS)
      : rng.weighted(EMAIL_DOMAINS),
    devices: [deviceId],
    homeIp: ip,
    addressId: rng.pick(farm.addresses),
  });
  ctx.writer.login({
    accountType: "buyer",
    accountId: buyer.id,
    at: at - rng.uniform(1, loginLeadMinutes) * MINUTE_MS,
    ip,
    deviceId,
    country: farm.country.code,
    success: true,
  });
  return { buyer, deviceId, ip };
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
