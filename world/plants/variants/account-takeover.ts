// Account takeover through one channel. Device: the textbook shape, a new device in
// a foreign country. Network: a hijacked session, so the seller's own device id from
// a foreign network. Payout: the cash-out account is a mule account a second victim's
// payout is moved to as well (the second victim is a member of the case). The evasive
// shape stays in the seller's country, behind a carrier NAT, with hardly a failed login.
import { carrierBlocksOf } from "../../background.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../sizes.js";
import { productTitle } from "../../text.js";
import { CATEGORIES, COUNTRIES, RARE_LOGIN_COUNTRIES } from "../../vocabulary.js";
import { ipIn, type Seller } from "../../world.js";
import { establishedBuyers, type Plant, type PlantContext, times } from "../plant.js";

const PARAMS = {
  blatant: { daysAgo: [3, 5], failed: 6, payoutHours: [0.5, 1.5], listings: 6, orders: 25 },
  subtle: { daysAgo: [8, 11], failed: 1, payoutHours: [18, 26], listings: 2, orders: 7 },
} as const;

const HIGH_VALUE = CATEGORIES.filter((c) => c.name === "electronics" || c.name === "gift_cards");

interface Attacker {
  deviceId: string | null;
  /** Failed attempts before getting in. */
  failed: number;
  ip: string;
  country: string;
}

/** One takeover of `seller` from the attacker's device and network, paid out to `mule`. */
function takeOver(
  ctx: PlantContext,
  seller: Seller,
  level: "blatant" | "subtle",
  attacker: Attacker,
  mule: string,
  at: number,
): void {
  const { rng, world, writer } = ctx;
  const p = PARAMS[level];
  const deviceId = attacker.deviceId ?? (seller.devices[0] as string);
  const login = (when: number, success: boolean) =>
    writer.login({
      accountType: "seller",
      accountId: seller.id,
      at: when,
      ip: attacker.ip,
      deviceId,
      country: attacker.country,
      success,
    });
  for (let k = attacker.failed; k > 0; k--) login(at - k * rng.uniform(1, 4) * MINUTE_MS, false);
  login(at, true);
  for (let k = 0; k < 3; k++) login(rng.uniform(at, world.asOf), true);
  const payoutAt = at + rng.uniform(p.payoutHours[0], p.payoutHours[1]) * HOUR_MS;
  writer.payoutChange({
    sellerId: seller.id,
    oldAccountId: seller.payoutAccountId,
    newAccountId: mule,
    at: payoutAt,
    deviceId,
    ip: attacker.ip,
  });
  seller.payoutAccountId = mule;
  const listedAt = payoutAt + rng.uniform(1, 20) * HOUR_MS;
  const items = times(p.listings, () => {
    const category = rng.pick(HIGH_VALUE);
    const title = productTitle(rng, category);
    return writer.product(seller, title, rng.between(399, 1499) * 100 - 1, listedAt, category);
  });
  for (const buyer of establishedBuyers(rng, world, p.orders, at - 90 * DAY_MS)) {
    const product = rng.pick(items);
    const orderedAt = rng.uniform(listedAt + HOUR_MS, world.asOf - HOUR_MS);
    const orderId = writer.order({
      buyer,
      seller,
      product,
      at: orderedAt,
      status: rng.chance(0.5) ? "pending" : "shipped",
      paymentMethod: "card",
      deviceId: buyer.devices[0] as string,
      ip: buyer.homeIp,
    });
    if (level === "blatant" && rng.chance(0.2))
      writer.refund(
        orderId,
        product.priceCents,
        "item_not_received",
        Math.min(world.asOf - MINUTE_MS, orderedAt + 2 * DAY_MS),
      );
  }
}

export const accountTakeoverVariants: Plant = {
  kind: "account_takeover",
  typology: "account_takeover",
  intensities: ["blatant", "subtle"],
  shapes: [
    { channel: "device", variant: "standard" },
    { channel: "network", variant: "standard" },
    { channel: "payout", variant: "standard" },
    { channel: "device", variant: "same_country" },
  ],
  prepare(seller, intensity, ctx, shape = { channel: "device", variant: "standard" }) {
    const { rng, world, writer } = ctx;
    const level = intensity ?? "blatant";
    const victims = shape.channel === "payout" ? [seller, ctx.claimSeller()] : [seller];
    for (const victim of victims) {
      victim.registeredAt = world.asOf - rng.uniform(3, 6) * 365 * DAY_MS;
      victim.weight = Math.max(victim.weight, rng.uniform(2, 4));
      if (victim.category.name === "gift_cards") victim.category = CATEGORIES[2] ?? victim.category;
    }
    return {
      members: victims.slice(1),
      flag: {
        source: "rule:payout_change_new_device",
        reason: "payout account changed after a login from a new device",
        score: level === "blatant" ? rng.uniform(0.82, 0.97) : rng.uniform(0.55, 0.75),
      },
      apply() {
        const [lo, hi] = PARAMS[level].daysAgo;
        const at = world.asOf - rng.uniform(lo, hi) * DAY_MS;
        const home = shape.variant === "same_country";
        const country = home
          ? seller.country
          : level === "blatant"
            ? rng.pick(RARE_LOGIN_COUNTRIES)
            : rng.pick(COUNTRIES.filter((c) => c.code !== seller.country.code));
        const ip = home
          ? rng.pick(rng.pick(carrierBlocksOf(rng, world, country)).ips)
          : ipIn(rng, country);
        const attacker: Attacker = {
          // A hijacked session carries the seller's own device id.
          deviceId:
            shape.channel === "network"
              ? null
              : writer.device(rng, at - 10 * MINUTE_MS, {
                  os: home ? rng.pick(["android", "ios"]) : rng.pick(["windows", "linux"]),
                }),
          ip,
          country: country.code,
          // Someone at home with the password (phished, or a relative) hardly mistypes it.
          failed: home ? Math.min(1, PARAMS[level].failed) : PARAMS[level].failed,
        };
        const mule = writer.ids.next("acct");
        victims.forEach((victim, i) => {
          takeOver(ctx, victim, level, attacker, mule, at + i * rng.uniform(1, 6) * HOUR_MS);
        });
      },
    };
  },
};
