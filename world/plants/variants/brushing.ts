// Brushing through one channel. The accounts share only their channel: a few devices,
// one network range, a few drop addresses, or the clock (registered and reviewing in
// the same bursts). Two evasive shapes: aged accounts bought on a market (older than
// 30 days at their order), and a thin spread over two months with varied review text.
import { manipulatedReview } from "../../manipulation.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../sizes.js";
import { brushingReview, organicReview, productTitle } from "../../text.js";
import { CATEGORIES } from "../../vocabulary.js";
import type { Plant } from "../plant.js";
import { times } from "../plant.js";
import { BURSTS, campaignClock, channelFarm, farmAccount } from "./farm.js";

const PARAMS = {
  blatant: { accounts: 50, windowDays: 21, variation: 0.15, disposable: 0.7, fiveStar: 1 },
  subtle: { accounts: 24, windowDays: 45, variation: 0.7, disposable: 0.2, fiveStar: 0.85 },
} as const;

export const brushingVariants: Plant = {
  kind: "brushing",
  typology: "brushing",
  intensities: ["blatant", "subtle"],
  shapes: [
    { channel: "device", variant: "standard" },
    { channel: "network", variant: "standard" },
    { channel: "address", variant: "standard" },
    { channel: "timing", variant: "standard" },
    { channel: "device", variant: "aged_accounts" },
    { channel: "address", variant: "thin_spread" },
  ],
  prepare(seller, intensity, ctx, shape = { channel: "device", variant: "standard" }) {
    const { rng, world, writer } = ctx;
    const level = intensity ?? "blatant";
    const p = PARAMS[level];
    const thin = shape.variant === "thin_spread";
    const aged = shape.variant === "aged_accounts";
    seller.registeredAt = world.asOf - rng.uniform(120, 320) * DAY_MS;
    seller.category = rng.pick(
      CATEGORIES.filter((c) => c.name === "phone_accessories" || c.name === "beauty"),
    );
    // A thin spread hides inside a shop with real volume.
    seller.weight = thin ? rng.uniform(1.2, 2.5) : rng.uniform(0.4, 1.2);
    return {
      members: [],
      flag: {
        source: "risk_model:review_integrity",
        reason: "review velocity anomaly on recent orders",
        score: level === "blatant" ? rng.uniform(0.8, 0.95) : rng.uniform(0.55, 0.78),
      },
      apply() {
        const end = world.asOf - 3 * DAY_MS;
        const windowDays = thin ? 60 : p.windowDays;
        const accounts = thin ? Math.round(p.accounts * 0.6) : p.accounts;
        const start = end - windowDays * DAY_MS;
        const items = times(thin ? 3 : 1 + (level === "subtle" ? 1 : 0), () =>
          writer.product(
            seller,
            productTitle(rng, seller.category),
            rng.between(19, 49) * 10 + 9,
            start - 10 * DAY_MS,
          ),
        );
        const farm = channelFarm(ctx, seller.country, shape.channel, level, start, {
          emulator: level === "blatant" ? 0.5 : 0.1,
        });
        const timing = shape.channel === "timing";
        const clock = campaignClock(rng, start, end, timing ? BURSTS[level] : null);
        const ageDays: readonly [number, number] = aged
          ? [45, 600]
          : timing
            ? [0.02, 0.2]
            : [0.2, 8];
        for (let i = 0; i < accounts; i++) {
          const at = clock();
          const { buyer, deviceId, ip } = farmAccount(
            ctx,
            farm,
            at,
            ageDays,
            aged ? 0 : p.disposable,
          );
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
          const rating = rng.chance(thin ? 0.8 : p.fiveStar) ? 5 : 4;
          // A thin spread writes like a shopper and waits like one; a campaign does neither.
          const body = thin
            ? organicReview(rng, rating, seller.category)
            : brushingReview(rng, p.variation);
          const delayHours = thin
            ? rng.uniform(30, 140)
            : timing
              ? rng.uniform(0.2, 2)
              : rng.uniform(level === "blatant" ? 1 : 6, level === "blatant" ? 12 : 48);
          writer.review({
            orderId,
            buyerId: buyer.id,
            sellerId: seller.id,
            productId: product.id,
            rating,
            body: manipulatedReview(seller.manipulation, body),
            at: Math.min(world.asOf - MINUTE_MS, deliveredAt + delayHours * HOUR_MS),
          });
        }
      },
    };
  },
};
