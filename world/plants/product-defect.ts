// Hard negative: a shop with a real product defect. A batch of one popular item is
// faulty: for six weeks many diverse, long-lived buyers return it ("not as
// described", "damaged"), and their reviews say so in their own words. Refunds pile
// up like a promo abuser's undone orders, but the orders were real. Not fraud.
import { DAY_MS, MINUTE_MS } from "../sizes.js";
import { organicReview } from "../text.js";
import { PAYMENT_METHODS } from "../vocabulary.js";
import type { Product } from "../world.js";
import { establishedBuyers, type Plant } from "./plant.js";

export const productDefect: Plant = {
  kind: "product_defect",
  typology: "none",
  intensities: [null],
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(1, 4) * 365 * DAY_MS;
    seller.weight = Math.max(seller.weight, rng.uniform(1, 2.5));
    return {
      members: [],
      flag: {
        source: "buyer_reports",
        reason: "surge of negative reviews and scam reports",
        score: rng.uniform(0.55, 0.85),
      },
      apply() {
        const item = seller.products[0] as Product;
        const start = world.asOf - 45 * DAY_MS;
        const after = (base: number, days: number) =>
          Math.min(world.asOf - MINUTE_MS, base + days * DAY_MS);
        const buyers = establishedBuyers(rng, world, rng.between(60, 110), start - 60 * DAY_MS);
        for (const buyer of buyers) {
          const at = rng.uniform(start, world.asOf - 6 * DAY_MS);
          const deliveredAt = at + rng.logNormal(3.5, 0.35) * DAY_MS;
          const faulty = rng.chance(0.45);
          const orderId = writer.order({
            buyer,
            seller,
            product: item,
            at,
            status: faulty ? "refunded" : "delivered",
            paymentMethod: rng.weighted(PAYMENT_METHODS),
            deviceId: buyer.devices[0] as string,
            ip: buyer.homeIp,
            deliveredAt: Math.min(world.asOf - MINUTE_MS, deliveredAt),
          });
          if (faulty)
            writer.refund(
              orderId,
              item.priceCents,
              rng.chance(0.7) ? "item_not_as_described" : "damaged_in_transit",
              after(deliveredAt, rng.uniform(1, 9)),
            );
          if (rng.chance(faulty ? 0.6 : 0.3)) {
            const rating = faulty ? rng.pick([1, 1, 2]) : rng.pick([3, 4, 5]);
            writer.review({
              orderId,
              buyerId: buyer.id,
              sellerId: seller.id,
              productId: item.id,
              rating,
              body: organicReview(rng, rating, seller.category),
              at: after(deliveredAt, rng.uniform(1, 8)),
            });
          }
        }
      },
    };
  },
};
