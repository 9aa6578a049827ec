// Hard negative: a seller who runs the shop from a phone. Its logins go out through
// its carrier's NAT, a few addresses that hundreds of the carrier's customers share,
// and many of its buyers order through the same addresses on their own phones. The
// seller's network "overlaps" its buyers', as a collusion ring's would. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { carrierBlocksOf } from "../background.js";
import { DAY_MS, HOUR_MS } from "../sizes.js";
import type { Buyer, Seller } from "../world.js";
import { establishedBuyers, type Plant } from "./plant.js";

export const carrierNat: Plant = {
  kind: "carrier_nat",
  typology: "none",
  intensities: [null],
  resembles: "network",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(1, 4) * 365 * DAY_MS;
    seller.weight = rng.uniform(0.5, 1.2);
    const nat = rng.pick(carrierBlocksOf(rng, world, seller.country)).ips;
    const phoneIps = rng.sample(nat, 2);
    seller.ips.push(...phoneIps);
    return {
      members: [],
      flag: {
        source: "risk_model:network",
        reason: "dense buyer-seller overlap",
        score: rng.uniform(0.55, 0.85),
      },
      apply() {
        const phone = writer.device(rng, world.asOf - 400 * DAY_MS, { os: "android" });
        for (let k = 0; k < 60; k++)
          writer.login({
            accountType: "seller",
            accountId: seller.id,
            at: world.asOf - rng.uniform(0, 180) * DAY_MS - rng.uniform(0, 12) * HOUR_MS,
            ip: rng.pick(phoneIps),
            deviceId: phone,
            country: seller.country.code,
            success: rng.chance(0.98),
          });
        // Hundreds of the carrier's customers: a few buy here, most elsewhere.
        const customers = establishedBuyers(
          rng,
          world,
          200,
          world.asOf - 60 * DAY_MS,
          seller.country,
        );
        customers.forEach((buyer: Buyer, i) => {
          const shop = i < 45 ? seller : (rng.pick(world.sellers) as Seller);
          ordinaryOrder(rng, world, writer, shop, buyer, {
            ip: rng.pick(phoneIps),
            from: world.asOf - 120 * DAY_MS,
          });
        });
      },
    };
  },
};
