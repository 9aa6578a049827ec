// What a campaign's accounts share, through one channel: a few devices; one network
// range (a proxy's, or a carrier's NAT that honest buyers use too); a few drop
// addresses; or nothing but the clock. Everything else about each account is its own,
// so the channel is the only thing that links them.
import { carrierBlocksOf, newCarrierBlock } from "../../background.js";
import type { Rng } from "../../rng.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../sizes.js";
import { type Country, DISPOSABLE_EMAIL_DOMAINS, EMAIL_DOMAINS } from "../../vocabulary.js";
import { type Buyer, ipIn } from "../../world.js";
import type { Channel, Intensity } from "../kinds.js";
import { campaignBuyer, type PlantContext, times } from "../plant.js";

export interface ChannelFarm {
  channel: Channel;
  country: Country;
  /** The device, IP and shipping address the next account uses. */
  device(): string;
  ip(): string;
  address(): string;
}

/** How many devices, network addresses and drop addresses the accounts share. */
const SHARED = {
  blatant: { devices: 3, addresses: 2, proxyIps: 3 },
  subtle: { devices: 8, addresses: 5, proxyIps: 6 },
} as const;

export interface FarmOptions {
  /** Share of shared devices that are emulators (device channel). */
  emulator?: number;
  /** The accounts' own devices were first seen this long before `since` at most (days). */
  deviceAgeDays?: number;
}

export function channelFarm(
  ctx: PlantContext,
  country: Country,
  channel: Channel,
  intensity: Intensity,
  since: number,
  options: FarmOptions = {},
): ChannelFarm {
  const { rng, world, writer } = ctx;
  const n = SHARED[intensity];
  const ownDevice = () =>
    writer.device(rng, since - rng.uniform(1, options.deviceAgeDays ?? 30) * DAY_MS);
  const devices =
    channel === "device"
      ? times(n.devices, () =>
          writer.device(rng, since - 20 * DAY_MS, { emulator: rng.chance(options.emulator ?? 0) }),
        )
      : null;
  // Blatant: a proxy's range no one else uses; subtle: a carrier's NAT honest buyers share.
  const ips =
    channel !== "network"
      ? null
      : intensity === "blatant"
        ? newCarrierBlock(rng, country, n.proxyIps).ips
        : rng.pick(carrierBlocksOf(rng, world, country)).ips;
  const addresses =
    channel === "address" ? times(n.addresses, () => writer.address(rng, country)) : null;
  return {
    channel,
    country,
    device: () => (devices ? rng.pick(devices) : ownDevice()),
    ip: () => (ips ? rng.pick(ips) : ipIn(rng, country)),
    address: () => (addresses ? rng.pick(addresses) : writer.address(rng, country)),
  };
}

/** A campaign account on the farm, registered `ageDays` before `at` and logged in just before it. */
export function farmAccount(
  ctx: PlantContext,
  farm: ChannelFarm,
  at: number,
  ageDays: readonly [number, number],
  disposable: number,
): { buyer: Buyer; deviceId: string; ip: string } {
  const { rng } = ctx;
  const deviceId = farm.device();
  const ip = farm.ip();
  const buyer = campaignBuyer(ctx, {
    registeredAt: at - rng.uniform(ageDays[0], ageDays[1]) * DAY_MS,
    country: farm.country,
    emailDomain: rng.chance(disposable)
      ? rng.pick(DISPOSABLE_EMAIL_DOMAINS)
      : rng.weighted(EMAIL_DOMAINS),
    devices: [deviceId],
    homeIp: ip,
    addressId: farm.address(),
  });
  ctx.writer.login({
    accountType: "buyer",
    accountId: buyer.id,
    at: at - rng.uniform(1, 15) * MINUTE_MS,
    ip,
    deviceId,
    country: farm.country.code,
    success: true,
  });
  return { buyer, deviceId, ip };
}

/** Instants in [start, end): uniform, or (timing channel) inside a few short bursts. */
export function campaignClock(
  rng: Rng,
  start: number,
  end: number,
  bursts: { count: number; hours: number } | null,
): () => number {
  if (!bursts) return () => rng.uniform(start, end);
  const starts = times(bursts.count, () => rng.uniform(start, end - bursts.hours * HOUR_MS));
  return () => rng.pick(starts) + rng.uniform(0, bursts.hours) * HOUR_MS;
}

/** The timing channel's bursts at each intensity. */
export const BURSTS = {
  blatant: { count: 2, hours: 2 },
  subtle: { count: 5, hours: 6 },
} as const;
