// The marketplace's actors before anything happens: sellers with heavy-tailed
// sizes, buyers (with households that share a device or an address, as real ones
// do), their devices and addresses, promotions, affiliate creators and casual
// visitors. Buyers, devices, addresses and promotions are written here; sellers
// are written last (generateWorld), once plants and payout changes have shaped them.

import { ts } from "./cells.js";
import type { Rng } from "./rng.js";
import { DAY_MS, type WorldSize } from "./sizes.js";
import { productTitle, shopName } from "./text.js";
import {
  CATEGORIES,
  CATEGORY_WEIGHTS,
  COUNTRIES,
  type Country,
  DISPOSABLE_EMAIL_DOMAINS,
  EMAIL_DOMAINS,
} from "./vocabulary.js";
import {
  type Buyer,
  ipIn,
  type Promotion,
  type Seller,
  type World,
  type WorldWriter,
} from "./world.js";

const YEAR_MS = 365 * DAY_MS;

function pickCountry(rng: Rng, key: "sellerWeight" | "buyerWeight"): Country {
  return rng.weighted(COUNTRIES.map((c) => [c, c[key]] as const));
}

function sellerAge(rng: Rng): number {
  if (rng.chance(0.06)) return rng.uniform(5, 60) * DAY_MS; // newcomers
  return Math.min(7 * YEAR_MS, rng.logNormal(550, 0.8) * DAY_MS);
}

function createSellers(rng: Rng, size: WorldSize, world: World, writer: WorldWriter): void {
  const names = new Set<string>();
  for (let i = 0; i < size.sellers; i++) {
    const categoryName = rng.weighted(CATEGORY_WEIGHTS);
    const category =
      CATEGORIES.find((c) => c.name === categoryName) ?? (CATEGORIES[0] as (typeof CATEGORIES)[0]);
    const country = pickCountry(rng, "sellerWeight");
    world.sellers.push({
      id: writer.ids.next("slr"),
      shopName: shopName(rng, names),
      registeredAt: world.asOf - sellerAge(rng),
      country,
      category,
      weight: rng.logNormal(1, 1.3),
      payoutAccountId: writer.ids.next("acct"),
      devices: [],
      ips: Array.from({ length: rng.between(1, 2) }, () => ipIn(rng, country)),
      products: [],
      recentBuyers: [],
    });
  }
}

/** A seller's own devices and listings; run after plants have adjusted the seller. */
export function equipSeller(rng: Rng, seller: Seller, world: World, writer: WorldWriter): void {
  const deviceCount = rng.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ] as const);
  for (let d = 0; d < deviceCount; d++)
    seller.devices.push(writer.device(rng, seller.registeredAt));
  const listings = Math.min(60, 2 + Math.floor(rng.logNormal(4, 0.8)));
  for (let p = 0; p < listings; p++) {
    const listedAt =
      p === 0
        ? seller.registeredAt + DAY_MS
        : rng.uniform(
            seller.registeredAt + DAY_MS,
            Math.max(seller.registeredAt + 2 * DAY_MS, world.asOf - 7 * DAY_MS),
          );
    const price = Math.max(
      199,
      Math.round(rng.logNormal(seller.category.medianPriceCents, seller.category.priceSigma) / 10) *
        10 -
        1,
    );
    writer.product(seller, productTitle(rng, seller.category), price, listedAt);
  }
}

function buyerAge(rng: Rng): number {
  if (rng.chance(0.08)) return rng.uniform(1, 60) * DAY_MS;
  return rng.chance(0.7) ? rng.uniform(60, 3 * 365) * DAY_MS : rng.uniform(3, 6) * YEAR_MS;
}

function createBuyers(rng: Rng, size: WorldSize, world: World, writer: WorldWriter): void {
  for (let i = 0; i < size.buyers; i++) {
    const registeredAt = world.asOf - buyerAge(rng);
    // Households: some buyers share a device, an address and a home IP with another.
    const housemate = i > 10 && rng.chance(0.04) ? world.buyers[rng.int(i)] : undefined;
    const country = housemate?.country ?? pickCountry(rng, "buyerWeight");
    const own = writer.device(rng, registeredAt);
    const devices = housemate && rng.chance(0.6) ? [housemate.devices[0] as string, own] : [own];
    if (rng.chance(0.3))
      devices.push(writer.device(rng, registeredAt + rng.uniform(0, world.asOf - registeredAt)));
    const buyer: Buyer = {
      id: writer.ids.next("byr"),
      registeredAt,
      country,
      devices,
      homeIp: housemate?.homeIp ?? ipIn(rng, country),
      addressId: housemate && rng.chance(0.7) ? housemate.addressId : writer.address(rng, country),
    };
    const domain = rng.chance(0.004)
      ? rng.pick(DISPOSABLE_EMAIL_DOMAINS)
      : rng.weighted(EMAIL_DOMAINS);
    const status = rng.weighted([
      ["active", 97],
      ["closed", 2],
      ["suspended", 1],
    ] as const);
    writer.sink.push("buyers", [
      buyer.id,
      ts(registeredAt),
      country.code,
      domain,
      rng.chance(0.35),
      status,
    ]);
    world.buyers.push(buyer);
  }
}

const PROMO_CODES = [
  "SPRING15",
  "SUMMER10",
  "BACK2SCHOOL",
  "AUTUMN12",
  "BLACKFRIDAY",
  "FLASH5",
  "VIP20",
  "FREESHIP",
  "BUNDLE8",
  "EASTER10",
  "WINTER15",
  "LOYAL7",
];

function createPromotions(rng: Rng, world: World, writer: WorldWriter): void {
  const add = (code: string, p: Omit<Promotion, "id">) => {
    const promo = { id: writer.ids.next("prm"), ...p };
    writer.sink.push("promotions", [
      promo.id,
      code,
      p.fundedBy,
      p.discountCents,
      p.newUsersOnly,
      ts(p.startsAt),
      ts(p.endsAt),
    ]);
    world.promotions.push(promo);
  };
  // New-user welcome offers, platform-funded and always running: the target of incentive abuse.
  add("WELCOME10", {
    fundedBy: "platform",
    discountCents: 1000,
    newUsersOnly: true,
    startsAt: world.windowStart - 90 * DAY_MS,
    endsAt: world.asOf + 180 * DAY_MS,
  });
  add("FIRSTORDER15", {
    fundedBy: "platform",
    discountCents: 1500,
    newUsersOnly: true,
    startsAt: world.asOf - 200 * DAY_MS,
    endsAt: world.asOf + 60 * DAY_MS,
  });
  for (const code of PROMO_CODES) {
    const startsAt = rng.uniform(world.windowStart, world.asOf - 20 * DAY_MS);
    add(code, {
      fundedBy: rng.chance(0.6) ? "platform" : "seller",
      discountCents: rng.pick([300, 500, 700, 1000, 1200, 1500, 2000]),
      newUsersOnly: false,
      startsAt,
      endsAt: startsAt + rng.uniform(7, 45) * DAY_MS,
    });
  }
}

export function createPopulation(
  rng: Rng,
  size: WorldSize,
  asOf: number,
  writer: WorldWriter,
): World {
  const world: World = {
    asOf,
    windowStart: asOf - 365 * DAY_MS,
    sellers: [],
    buyers: [],
    promotions: [],
    creators: [],
    visitorDevices: [],
    mobileIps: [],
    carrierBlocks: [],
  };
  createSellers(rng.fork("sellers"), size, world, writer);
  createBuyers(rng.fork("buyers"), size, world, writer);
  createPromotions(rng.fork("promotions"), world, writer);
  const misc = rng.fork("misc");
  for (let i = 0; i < Math.max(40, size.sellers / 4); i++)
    world.creators.push(writer.ids.next("crt"));
  for (let i = 0; i < size.visitorDevices; i++) {
    world.visitorDevices.push(
      writer.device(misc, world.windowStart - misc.uniform(0, 2 * YEAR_MS), {
        emulator: misc.chance(0.003),
      }),
    );
  }
  const mobileCount = 200 + Math.floor(size.buyers / 150);
  for (let i = 0; i < mobileCount; i++)
    world.mobileIps.push(ipIn(misc, pickCountry(misc, "buyerWeight")));
  return world;
}
