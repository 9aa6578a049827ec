// Hard negative: an influencer features a product. Affiliate clicks surge for a few
// days from thousands of diverse visitors, and a normal share of them buy: long-lived
// buyers on their own devices, with deliveries, returns and mixed reviews as usual.
// Synchronised, like a click farm's bursts, but real people convert. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { DAY_MS, MINUTE_MS } from "../sizes.js";
import { productTitle } from "../text.js";
import type { Buyer } from "../world.js";
import { establishedBuyers, type Plant } from "./plant.js";

export const influencerSurge: Plant = {
  kind: "influencer_surge",
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
        source: "affiliate_monitor",
        reason: "click volume anomaly",
        score: rng.uniform(0.55, 0.88),
      },
      apply() {
        const postedAt = world.asOf - rng.uniform(6, 12) * DAY_MS;
        const featured = writer.product(
          seller,
          productTitle(rng, seller.category),
          Math.round(seller.category.medianPriceCents * 1.1),
          postedAt - 20 * DAY_MS,
        );
        const creator = rng.pick(world.creators);
        // Interest decays over the days after the post.
        const when = () =>
          Math.min(world.asOf - MINUTE_MS, postedAt + rng.logNormal(1, 1) * DAY_MS * 0.8);
        const fans = establishedBuyers(
          rng,
          world,
          Math.round(world.buyers.length / 40),
          postedAt - 120 * DAY_MS,
        );
        const click = (at: number, ip: string, deviceId: string, orderId: string | null) =>
          writer.click({
            creatorId: creator,
            productId: featured.id,
            sellerId: seller.id,
            at,
            ip,
            deviceId,
            convertedOrderId: orderId,
          });
        for (const fan of fans) {
          const placed = ordinaryOrder(rng, world, writer, seller, fan as Buyer, {
            product: featured,
            from: postedAt,
            to: Math.min(world.asOf, postedAt + 5 * DAY_MS),
          });
          // The fan's click on the creator's link, minutes before the order.
          if (placed)
            click(
              placed.at - rng.uniform(2, 90) * MINUTE_MS,
              fan.homeIp,
              fan.devices[0] as string,
              placed.orderId,
            );
        }
        // Most visitors look and leave: about twenty-five clicks per purchase.
        for (let k = fans.length * 25; k > 0; k--) {
          const visitor = rng.pick(world.buyers);
          const ip = rng.chance(0.4)
            ? rng.pick(visitor.mobileIps ?? world.mobileIps)
            : visitor.homeIp;
          click(when(), ip, rng.pick(world.visitorDevices), null);
        }
      },
    };
  },
};
