// Hard negative: a genuinely viral seller. A sudden spike of orders on a new
// listing, but from many diverse, long-established buyers on their own devices,
// with ordinary delivery, refunds and mixed, varied reviews. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { DAY_MS } from "../sizes.js";
import { productTitle } from "../text.js";
import { establishedBuyers, type Plant } from "./plant.js";

export const viralSeller: Plant = {
  kind: "viral_seller",
  typology: "none",
  intensities: [null],
  resembles: "timing",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(1, 3) * 365 * DAY_MS;
    seller.weight = rng.uniform(0.3, 0.8);
    return {
      members: [],
      flag: {
        source: "risk_model:velocity",
        reason: "order volume far above 30-day baseline",
        score: rng.uniform(0.65, 0.9),
      },
      apply() {
        const spikeStart = world.asOf - rng.uniform(9, 12) * DAY_MS;
        const hit = writer.product(
          seller,
          productTitle(rng, seller.category),
          Math.round(seller.category.medianPriceCents * 0.9),
          spikeStart - 2 * DAY_MS,
        );
        const orders = Math.round(world.buyers.length / 25);
        const buyers = establishedBuyers(rng, world, orders, world.asOf - 180 * DAY_MS);
        for (const buyer of buyers)
          ordinaryOrder(rng, world, writer, seller, buyer, { product: hit, from: spikeStart });
      },
    };
  },
};
