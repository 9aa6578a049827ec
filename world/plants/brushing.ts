// Brushing: a seller buys its own reputation. Many young accounts with no other
// history, sharing a few devices, IPs and addresses, each buy the same cheap item
// and leave templated five-star praise soon after delivery.
import { manipulatedReview } from "../manipulation.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../sizes.js";
import { brushingReview, productTitle } from "../text.js";
import { CATEGORIES } from "../vocabulary.js";
import { ipIn } from "../world.js";
import { freshAccount, type Plant, times } from "./plant.js";

const PARAMS = {
  blatant: {
    accounts: 60,
    devices: 3,
    ips: 2,
    addresses: 2,
    windowDays: 21,
    products: 1,
    variation: 0.15,
    disposable: 0.8,
    fiveStar: 1,
    reviewDelayHours: [1, 12],
    emulator: 0.5,
  },
  subtle: {
    accounts: 26,
    devices: 9,
    ips: 7,
    addresses: 6,
    windowDays: 60,
    products: 2,
    variation: 0.7,
    disposable: 0.25,
    fiveStar: 0.85,
    reviewDelayHours: [6, 48],
    emulator: 0.1,
  },
} as const;

export const brushing: Plant = {
  kind: "brushing",
  typology: "brushing",
  intensities: ["blatant", "subtle"],
  prepare(seller, intensity, ctx) {
    const { rng, world, writer } = ctx;
    const p = PARAMS[intensity ?? "blatant"];
    seller.registeredAt = world.asOf - rng.uniform(120, 320) * DAY_MS;
    seller.category = rng.pick(
      CATEGORIES.filter((c) => c.name === "phone_accessories" || c.name === "beauty"),
    );
    seller.weight = rng.uniform(0.4, 1.2);
    return {
      members: [],
      flag: {
        source: "risk_model:review_integrity",
        reason: "review velocity anomaly on recent orders",
        score: intensity === "blatant" ? rng.uniform(0.85, 0.97) : rng.uniform(0.6, 0.8),
      },
      apply() {
        const end = world.asOf - 3 * DAY_MS;
        const start = end - p.windowDays * DAY_MS;
        const items = times(p.products, () =>
          writer.product(
            seller,
            productTitle(rng, seller.category),
            rng.between(19, 49) * 10 + 9,
            start - 10 * DAY_MS,
          ),
        );
        const devices = times(p.devices, () =>
          writer.device(rng, start - 30 * DAY_MS, { emulator: rng.chance(p.emulator) }),
        );
        const ips = times(p.ips, () => ipIn(rng, seller.country));
        const addresses = times(p.addresses, () => writer.address(rng, seller.country));
        const farm = { devices, ips, addresses, country: seller.country, disposable: p.disposable };
        for (let i = 0; i < p.accounts; i++) {
          const at = rng.uniform(start, end);
          const { buyer, deviceId, ip } = freshAccount(ctx, farm, at, [0.2, 8], 10);
          const product = rng.pick(items);
          const deliveredAt = at + rng.uniform(1, 2.5) * DAY_MS;
          const orderId = writer.order({
            buyer,
            seller,
            product,
            at,
            status: "delivered",
            paymentMethod: rng.pick(["wallet", "card"]),
            deviceId,
            ip,
            deliveredAt,
          });
          const [lo, hi] = p.reviewDelayHours;
          writer.review({
            orderId,
            buyerId: buyer.id,
            sellerId: seller.id,
            productId: product.id,
            rating: rng.chance(p.fiveStar) ? 5 : 4,
            body: manipulatedReview(seller.manipulation, brushingReview(rng, p.variation)),
            at: Math.min(world.asOf - MINUTE_MS, deliveredAt + rng.uniform(lo, hi) * HOUR_MS),
          });
        }
      },
    };
  },
};
