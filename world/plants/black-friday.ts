// Hard negative: a shop's early Black Friday sale. For four days a seller-funded
// discount code runs across the whole catalogue, and orders jump several-fold: old
// customers, ordinary buyers and some newcomers, on their own devices, most with
// the code. A synchronised spike with promotion redemptions, all real. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { ts } from "../cells.js";
import { DAY_MS } from "../sizes.js";
import type { Buyer, Promotion } from "../world.js";
import type { Plant } from "./plant.js";

export const blackFriday: Plant = {
  kind: "black_friday",
  typology: "none",
  intensities: [null],
  resembles: "timing",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(2, 5) * 365 * DAY_MS;
    seller.weight = rng.uniform(0.6, 1.5);
    return {
      members: [],
      flag: {
        source: "risk_model:velocity",
        reason: "order volume far above 30-day baseline",
        score: rng.uniform(0.55, 0.88),
      },
      apply() {
        const startsAt = world.asOf - rng.uniform(8, 14) * DAY_MS;
        const sale: Promotion = {
          id: writer.ids.next("prm"),
          fundedBy: "seller",
          discountCents: rng.pick([300, 500, 800]),
          newUsersOnly: false,
          startsAt,
          endsAt: startsAt + 4 * DAY_MS,
        };
        writer.sink.push("promotions", [
          sale.id,
          `BF-${seller.shopName.split(" ")[0]?.toUpperCase()}-${rng.between(10, 99)}`,
          sale.fundedBy,
          sale.discountCents,
          false,
          ts(sale.startsAt),
          ts(sale.endsAt),
        ]);
        const shoppers = Math.round(world.buyers.length / 35);
        for (let k = 0; k < shoppers; k++) {
          const buyer = rng.pick(world.buyers) as Buyer;
          ordinaryOrder(rng, world, writer, seller, buyer, {
            from: startsAt,
            to: sale.endsAt,
            promo: rng.chance(0.7) ? sale : null,
          });
        }
      },
    };
  },
};
