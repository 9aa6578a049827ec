// Hard negative: a seller hit by a review-bombing campaign. A burst of one-star
// reviews without purchases, from fresh accounts sharing a few devices — the
// attackers are the fraudsters, the seller is the victim. Not fraud by the seller.
import { manipulatedReview } from "../manipulation.js";
import { DAY_MS, MINUTE_MS } from "../sizes.js";
import { reviewBombText } from "../text.js";
import { DISPOSABLE_EMAIL_DOMAINS } from "../vocabulary.js";
import { ipIn, type Product } from "../world.js";
import { campaignBuyer, type Plant, times } from "./plant.js";

export const reviewBombed: Plant = {
  kind: "review_bombed",
  typology: "none",
  intensities: [null],
  resembles: "device",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(2, 4) * 365 * DAY_MS;
    seller.weight = Math.max(seller.weight, rng.uniform(1.5, 3));
    return {
      members: [],
      flag: {
        source: "buyer_reports",
        reason: "surge of negative reviews and scam reports",
        score: rng.uniform(0.6, 0.88),
      },
      apply() {
        const start = world.asOf - 7 * DAY_MS;
        const devices = times(4, () => writer.device(rng, start - 5 * DAY_MS));
        const ips = times(3, () => ipIn(rng, seller.country));
        const target = seller.products[0] as Product;
        for (let i = 0; i < 40; i++) {
          const at = rng.uniform(start, world.asOf - MINUTE_MS);
          const deviceId = rng.pick(devices);
          const ip = rng.pick(ips);
          const attacker = campaignBuyer(ctx, {
            registeredAt: at - rng.uniform(0.1, 5) * DAY_MS,
            country: seller.country,
            emailDomain: rng.pick(DISPOSABLE_EMAIL_DOMAINS),
            devices: [deviceId],
            homeIp: ip,
            addressId: writer.address(rng, seller.country),
          });
          writer.login({
            accountType: "buyer",
            accountId: attacker.id,
            at: at - 3 * MINUTE_MS,
            ip,
            deviceId,
            country: seller.country.code,
            success: true,
          });
          writer.review({
            orderId: null,
            buyerId: attacker.id,
            sellerId: seller.id,
            productId: target.id,
            rating: 1,
            body: manipulatedReview(seller.manipulation, reviewBombText(rng, seller.shopName)),
            at,
          });
        }
      },
    };
  },
};
