// Hard negative: a household that shops at a small seller. Three to five long-lived
// accounts share the family laptop, the home router and the front door, and buy here
// a few times each, besides their orders elsewhere. Looks like brushing through a
// shared device and address; the accounts are old, varied and shop around. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { DAY_MS } from "../sizes.js";
import { EMAIL_DOMAINS } from "../vocabulary.js";
import { ipIn, type Seller } from "../world.js";
import { campaignBuyer, type Plant, times } from "./plant.js";

export const household: Plant = {
  kind: "household",
  typology: "none",
  intensities: [null],
  resembles: "device",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(1, 4) * 365 * DAY_MS;
    seller.weight = rng.uniform(0.15, 0.4);
    return {
      members: [],
      flag: {
        source: "risk_model:review_integrity",
        reason: "review velocity anomaly on recent orders",
        score: rng.uniform(0.5, 0.8),
      },
      apply() {
        const since = world.asOf - rng.uniform(2, 6) * 365 * DAY_MS;
        const laptop = writer.device(rng, since, { os: rng.pick(["windows", "macos"]) });
        const homeIp = ipIn(rng, seller.country);
        const door = writer.address(rng, seller.country);
        const family = times(rng.between(3, 5), () => {
          const registeredAt = since + rng.uniform(0, 500) * DAY_MS;
          return campaignBuyer(ctx, {
            registeredAt,
            country: seller.country,
            emailDomain: rng.weighted(EMAIL_DOMAINS),
            devices: [
              laptop,
              writer.device(rng, registeredAt, { os: rng.pick(["android", "ios"]) }),
            ],
            homeIp,
            addressId: door,
            kycVerified: rng.chance(0.4),
          });
        });
        for (const member of family) {
          for (let k = rng.between(2, 4); k > 0; k--)
            ordinaryOrder(rng, world, writer, seller, member, { from: world.asOf - 80 * DAY_MS });
          for (let k = rng.between(3, 8); k > 0; k--)
            ordinaryOrder(rng, world, writer, rng.pick(world.sellers) as Seller, member);
        }
      },
    };
  },
};
