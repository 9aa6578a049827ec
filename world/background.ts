// The realistic background (`background: "realistic"`): the marketplace noise that
// makes a shared IP, a shared address or a brand-new buyer unremarkable by itself.
// Mobile carriers put hundreds of buyers behind a few NAT addresses of one range
// (and some sellers run their shop from a phone on the same carrier), households
// share a router, a laptop and a door, and newcomers register and order normally.
// Runs after the population and before anything is planted; its own random stream,
// so the classic world never sees it.
import { ts } from "./cells.js";
import type { Rng } from "./rng.js";
import { DAY_MS, type WorldSize } from "./sizes.js";
import { COUNTRIES, type Country, EMAIL_DOMAINS } from "./vocabulary.js";
import { type Buyer, type CarrierBlock, ipIn, type World, type WorldWriter } from "./world.js";

/** Carriers per country, and public NAT addresses per carrier range. */
const CARRIERS_PER_COUNTRY = 2;
const NAT_ADDRESSES: readonly [number, number] = [4, 9];
/** Buyers on a phone plan only: their "home" IP is the carrier's NAT. */
const MOBILE_ONLY_SHARE = 0.3;
/** Buyers who move into an earlier buyer's household (on top of the classic 4%). */
const EXTRA_HOUSEHOLD_SHARE = 0.06;
/** Sellers who run their shop from a phone some of the time. */
const MOBILE_SELLER_SHARE = 0.3;
/** Newcomers, as a share of the population: registered in the last six weeks. */
const NEWCOMER_SHARE = 0.06;

/** A fresh carrier range in `country`; its addresses are all in one /24. */
export function newCarrierBlock(rng: Rng, country: Country, addresses: number): CarrierBlock {
  const prefix = `${rng.pick(country.ipOctets)}.${rng.between(0, 255)}.${rng.between(0, 255)}`;
  const hosts = rng.sample(
    Array.from({ length: 254 }, (_, i) => i + 1),
    addresses,
  );
  return { country, prefix, ips: hosts.map((h) => `${prefix}.${h}`) };
}

/** The carrier ranges of a country (made on the spot in a classic background). */
export function carrierBlocksOf(rng: Rng, world: World, country: Country): CarrierBlock[] {
  const blocks = world.carrierBlocks.filter((b) => b.country.code === country.code);
  return blocks.length > 0 ? blocks : [newCarrierBlock(rng, country, 6)];
}

function createCarriers(rng: Rng, world: World): Map<string, string[]> {
  const byCountry = new Map<string, string[]>();
  for (const country of COUNTRIES) {
    const ips: string[] = [];
    for (let k = 0; k < CARRIERS_PER_COUNTRY; k++) {
      const block = newCarrierBlock(rng, country, rng.between(...NAT_ADDRESSES));
      world.carrierBlocks.push(block);
      ips.push(...block.ips);
    }
    byCountry.set(country.code, ips);
  }
  world.mobileIps = world.carrierBlocks.flatMap((b) => b.ips);
  return byCountry;
}

function addNewcomers(
  rng: Rng,
  size: WorldSize,
  world: World,
  writer: WorldWriter,
  carrierIps: Map<string, string[]>,
): void {
  const count = Math.round(size.buyers * NEWCOMER_SHARE);
  for (let i = 0; i < count; i++) {
    const country = rng.weighted(COUNTRIES.map((c) => [c, c.buyerWeight] as const));
    const registeredAt = world.asOf - rng.uniform(0.2, 42) * DAY_MS;
    const mobile = carrierIps.get(country.code) as string[];
    const buyer: Buyer = {
      id: writer.ids.next("byr"),
      registeredAt,
      country,
      devices: [writer.device(rng, registeredAt)],
      homeIp: rng.chance(0.5) ? rng.pick(mobile) : ipIn(rng, country),
      addressId: writer.address(rng, country),
      mobileIps: mobile,
    };
    writer.sink.push("buyers", [
      buyer.id,
      ts(registeredAt),
      country.code,
      rng.weighted(EMAIL_DOMAINS),
      rng.chance(0.15),
      "active",
    ]);
    world.buyers.push(buyer);
  }
}

export function realisticBackground(
  rng: Rng,
  size: WorldSize,
  world: World,
  writer: WorldWriter,
): void {
  const carrierIps = createCarriers(rng.fork("carriers"), world);
  const phones = rng.fork("phones");
  for (const buyer of world.buyers) {
    buyer.mobileIps = carrierIps.get(buyer.country.code);
    if (phones.chance(MOBILE_ONLY_SHARE)) buyer.homeIp = phones.pick(buyer.mobileIps as string[]);
  }
  const households = rng.fork("households");
  world.buyers.forEach((buyer, i) => {
    if (i < 20 || !households.chance(EXTRA_HOUSEHOLD_SHARE)) return;
    // A household lives in one country: the buyer rows are written already.
    const mate = Array.from({ length: 6 }, () => world.buyers[households.int(i)] as Buyer).find(
      (m) => m.country.code === buyer.country.code,
    );
    if (!mate) return;
    buyer.homeIp = mate.homeIp;
    if (households.chance(0.8)) buyer.addressId = mate.addressId;
    if (households.chance(0.6)) buyer.devices = [mate.devices[0] as string, ...buyer.devices];
  });
  const sellers = rng.fork("sellers");
  for (const seller of world.sellers) {
    if (!sellers.chance(MOBILE_SELLER_SHARE)) continue;
    const mobile = carrierIps.get(seller.country.code) as string[];
    seller.ips.push(...sellers.sample(mobile, sellers.between(1, 2)));
  }
  addNewcomers(rng.fork("newcomers"), size, world, writer, carrierIps);
}
