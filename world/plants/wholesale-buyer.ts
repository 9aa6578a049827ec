// Hard negative: a wholesale customer. One long-lived, verified business account
// places a large order every week or two, tens of units each, pays by card or bank
// and takes delivery. One buyer with many big orders, like a scheme's volume, but
// every order is real and delivered. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { DAY_MS } from "../sizes.js";
import type { Buyer } from "../world.js";
import { establishedBuyers, type Plant } from "./plant.js";

export const wholesaleBuyer: Plant = {
  kind: "wholesale_buyer",
  typology: "none",
  intensities: [null],
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(2, 5) * 365 * DAY_MS;
    seller.weight = rng.uniform(0.3, 0.9);
    return {
      members: [],
      flag: {
        source: "risk_model:velocity",
        reason: "order volume far above 30-day baseline",
        score: rng.uniform(0.55, 0.85),
      },
      apply() {
        const [customer] = establishedBuyers(
          rng,
          world,
          1,
          world.asOf - 2 * 365 * DAY_MS,
          seller.country,
        );
        if (!customer) return;
        const product = seller.products[0];
        let at = world.asOf - rng.uniform(150, 200) * DAY_MS;
        while (at < world.asOf - 3 * DAY_MS) {
          ordinaryOrder(rng, world, writer, seller, customer as Buyer, {
            product,
            from: at,
            to: at + 2 * DAY_MS,
            quantity: rng.between(4, 24) * 5,
            promo: null,
          });
          at += rng.uniform(6, 15) * DAY_MS;
        }
      },
    };
  },
};
