// Incentive abuse through one channel: "new customers" that share only a few phones,
// one network range, a few drop addresses, or the minutes they were registered and
// redeemed in. The evasive shape waits out the indicator's window: the accounts are
// three to six days old when they redeem, just past "under three days old".
import { DAY_MS, MINUTE_MS } from "../../sizes.js";
import { productTitle } from "../../text.js";
import { CATEGORIES } from "../../vocabulary.js";
import type { Promotion } from "../../world.js";
import type { Plant } from "../plant.js";
import { BURSTS, campaignClock, channelFarm, farmAccount } from "./farm.js";

const PARAMS = {
  blatant: { accounts: 45, windowDays: 30, undoRate: 0.7, disposable: 0.6 },
  subtle: { accounts: 22, windowDays: 50, undoRate: 0.4, disposable: 0.2 },
} as const;

const CHEAP = CATEGORIES.filter((c) => ["fashion", "beauty", "home_garden"].includes(c.name));

export const incentiveAbuseVariants: Plant = {
  kind: "incentive_abuse",
  typology: "incentive_abuse",
  intensities: ["blatant", "subtle"],
  shapes: [
    { channel: "device", variant: "standard" },
    { channel: "network", variant: "standard" },
    { channel: "address", variant: "standard" },
    { channel: "timing", variant: "standard" },
    { channel: "address", variant: "past_threshold" },
  ],
  prepare(seller, intensity, ctx, shape = { channel: "device", variant: "standard" }) {
    const { rng, world, writer } = ctx;
    const level = intensity ?? "blatant";
    const p = PARAMS[level];
    seller.registeredAt = world.asOf - rng.uniform(100, 400) * DAY_MS;
    seller.category = rng.pick(CHEAP);
    seller.weight = rng.uniform(0.3, 1);
    return {
      members: [],
      flag: {
        source: "rule:promo_velocity",
        reason: "new-user promotion redemptions above expected",
        score: level === "blatant" ? rng.uniform(0.78, 0.95) : rng.uniform(0.5, 0.75),
      },
      apply() {
        const end = world.asOf - 2 * DAY_MS;
        const start = end - p.windowDays * DAY_MS;
        const promo = world.promotions.find(
          (x) =>
            x.newUsersOnly && x.fundedBy === "platform" && x.startsAt <= start && end < x.endsAt,
        ) as Promotion;
        const item = writer.product(
          seller,
          productTitle(rng, seller.category),
          promo.discountCents + rng.between(10, 60) * 10 - 1,
          start - 5 * DAY_MS,
        );
        const farm = channelFarm(ctx, seller.country, shape.channel, level, start);
        const timing = shape.channel === "timing";
        const clock = campaignClock(rng, start, end, timing ? BURSTS[level] : null);
        const ageDays: readonly [number, number] =
          shape.variant === "past_threshold" ? [3.2, 6] : timing ? [0.01, 0.1] : [0.05, 2];
        for (let i = 0; i < p.accounts; i++) {
          const at = clock();
          const { buyer, deviceId, ip } = farmAccount(ctx, farm, at, ageDays, p.disposable);
          const undone = rng.chance(p.undoRate);
          const status = undone ? (rng.chance(0.5) ? "cancelled" : "refunded") : "delivered";
          const deliveredAt = status === "cancelled" ? null : at + rng.uniform(1.5, 4) * DAY_MS;
          const orderId = writer.order({
            buyer,
            seller,
            product: item,
            at,
            status,
            paymentMethod: rng.pick(["wallet", "paypal"]),
            deviceId,
            ip,
            promo,
            deliveredAt,
          });
          if (status === "refunded")
            writer.refund(
              orderId,
              item.priceCents - promo.discountCents,
              "changed_mind",
              Math.min(world.asOf - MINUTE_MS, (deliveredAt ?? at) + rng.uniform(0.5, 2) * DAY_MS),
            );
        }
      },
    };
  },
};
