// Hard negative: a family business. The seller works from home, and a few relatives
// with their own long-lived accounts sometimes buy from the shop from the same home
// connection (and shop elsewhere too). A small, honest overlap between the seller's
// network and its buyers', the shape of a collusion ring in miniature. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { DAY_MS, HOUR_MS } from "../sizes.js";
import { EMAIL_DOMAINS } from "../vocabulary.js";
import { ipIn, type Seller } from "../world.js";
import { campaignBuyer, type Plant, times } from "./plant.js";

export const familyBusiness: Plant = {
  kind: "family_business",
  typology: "none",
  intensities: [null],
  resembles: "network",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(2, 6) * 365 * DAY_MS;
    seller.weight = rng.uniform(0.4, 1.2);
    const homeIp = ipIn(rng, seller.country);
    seller.ips.push(homeIp);
    return {
      members: [],
      flag: {
        source: "risk_model:network",
        reason: "dense buyer-seller overlap",
        score: rng.uniform(0.5, 0.8),
      },
      apply() {
        for (let k = 0; k < 40; k++)
          writer.login({
            accountType: "seller",
            accountId: seller.id,
            at: world.asOf - rng.uniform(0, 200) * DAY_MS + rng.uniform(0, 3) * HOUR_MS,
            ip: homeIp,
            deviceId: rng.pick(seller.devices),
            country: seller.country.code,
            success: true,
          });
        const relatives = times(rng.between(2, 4), () => {
          const registeredAt = world.asOf - rng.uniform(1, 5) * 365 * DAY_MS;
          return campaignBuyer(ctx, {
            registeredAt,
            country: seller.country,
            emailDomain: rng.weighted(EMAIL_DOMAINS),
            devices: [writer.device(rng, registeredAt)],
            homeIp: rng.chance(0.5) ? homeIp : ipIn(rng, seller.country),
            addressId: writer.address(rng, seller.country),
            kycVerified: rng.chance(0.5),
          });
        });
        for (const relative of relatives) {
          for (let k = rng.between(1, 3); k > 0; k--)
            ordinaryOrder(rng, world, writer, seller, relative, {
              ip: homeIp,
              from: world.asOf - 120 * DAY_MS,
            });
          for (let k = rng.between(4, 10); k > 0; k--)
            ordinaryOrder(rng, world, writer, rng.pick(world.sellers) as Seller, relative);
        }
      },
    };
  },
};
