// Incentive abuse: a seller mass-registers "new customers" on a few devices and
// addresses to harvest a platform-funded new-user promotion on a cheap item, then
// cancels or refunds most of the orders once the credit has been paid.
import { DAY_MS, MINUTE_MS } from "../sizes.js";
import { productTitle } from "../text.js";
import { CATEGORIES } from "../vocabulary.js";
import { ipIn, type Promotion } from "../world.js";
import { freshAccount, type Plant, times } from "./plant.js";

const PARAMS = {
  blatant: {
    accounts: 50,
    devices: 5,
    addresses: 3,
    ips: 4,
    windowDays: 30,
    undoRate: 0.7,
    disposable: 0.7,
  },
  subtle: {
    accounts: 22,
    devices: 10,
    addresses: 8,
    ips: 9,
    windowDays: 50,
    undoRate: 0.4,
    disposable: 0.2,
  },
} as const;

const CHEAP = CATEGORIES.filter((c) => ["fashion", "beauty", "home_garden"].includes(c.name));

export const incentiveAbuse: Plant = {
  kind: "incentive_abuse",
  typology: "incentive_abuse",
  intensities: ["blatant", "subtle"],
  prepare(seller, intensity, ctx) {
    const { rng, world, writer } = ctx;
    const p = PARAMS[intensity ?? "blatant"];
    seller.registeredAt = world.asOf - rng.uniform(100, 400) * DAY_MS;
    seller.category = rng.pick(CHEAP);
    seller.weight = rng.uniform(0.3, 1);
    return {
      members: [],
      flag: {
        source: "rule:promo_velocity",
        reason: "new-user promotion redemptions above expected",
        score: intensity === "blatant" ? rng.uniform(0.8, 0.95) : rng.uniform(0.5, 0.75),
      },
      apply() {
        const end = world.asOf - 2 * DAY_MS;
        const start = end - p.windowDays * DAY_MS;
        const promo = world.promotions.find(
          (x) =>
            x.newUsersOnly && x.fundedBy === "platform" && x.startsAt <= start && end < x.endsAt,
        ) as Promotion;
        const item = writer.product(
          seller,
          productTitle(rng, seller.category),
          promo.discountCents + rng.between(10, 60) * 10 - 1,
          start - 5 * DAY_MS,
        );
        const devices = times(p.devices, () => writer.device(rng, start - 20 * DAY_MS));
        const addresses = times(p.addresses, () => writer.address(rng, seller.country));
        const ips = times(p.ips, () => ipIn(rng, seller.country));
        const farm = { devices, ips, addresses, country: seller.country, disposable: p.disposable };
        for (let i = 0; i < p.accounts; i++) {
          const at = rng.uniform(start, end);
          const { buyer, deviceId, ip } = freshAccount(ctx, farm, at, [0.05, 2], 15);
          const undone = rng.chance(p.undoRate);
          const status = undone ? (rng.chance(0.5) ? "cancelled" : "refunded") : "delivered";
          const deliveredAt = status === "cancelled" ? null : at + rng.uniform(1.5, 4) * DAY_MS;
          const orderId = writer.order({
            buyer,
            seller,
            product: item,
            at,
            status,
            paymentMethod: rng.pick(["wallet", "paypal"]),
            deviceId,
            ip,
            promo,
            deliveredAt,
          });
          if (status === "refunded")
            writer.refund(
              orderId,
              item.priceCents - promo.discountCents,
              "changed_mind",
              Math.min(world.asOf - MINUTE_MS, (deliveredAt ?? at) + rng.uniform(0.5, 2) * DAY_MS),
            );
        }
      },
    };
  },
};
