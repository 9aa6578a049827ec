// Collusion through one channel: a ring of three sellers and their buyers trading
// among themselves, tied only by the sellers' devices in the buyers' hands, the
// sellers' own network (an office line, or a carrier NAT the seller's phone also uses),
// a few shared shipping addresses, the partners' payout going to the lead's account,
// or orders placed and undone in the same bursts.
import { carrierBlocksOf } from "../../background.js";
import { DAY_MS, MINUTE_MS } from "../../sizes.js";
import { organicReview } from "../../text.js";
import { EMAIL_DOMAINS } from "../../vocabulary.js";
import { ipIn, type Product, type Seller } from "../../world.js";
import { campaignBuyer, type Plant, times } from "../plant.js";
import { BURSTS, campaignClock } from "./farm.js";

const PARAMS = {
  blatant: { buyers: 12, orders: [4, 8], sharers: 6, undoRate: 0.55, promoRate: 0.6, days: 90 },
  subtle: { buyers: 8, orders: [2, 4], sharers: 3, undoRate: 0.3, promoRate: 0.35, days: 120 },
} as const;

export const collusionVariants: Plant = {
  kind: "collusion",
  typology: "collusion",
  intensities: ["blatant", "subtle"],
  shapes: [
    { channel: "device", variant: "standard" },
    { channel: "network", variant: "standard" },
    { channel: "address", variant: "standard" },
    { channel: "payout", variant: "standard" },
    { channel: "timing", variant: "standard" },
  ],
  prepare(primary, intensity, ctx, shape = { channel: "device", variant: "standard" }) {
    const { rng, world, writer } = ctx;
    const level = intensity ?? "blatant";
    const p = PARAMS[level];
    const partners = [ctx.claimSeller(), ctx.claimSeller()];
    const ring: Seller[] = [primary, ...partners];
    for (const seller of ring) {
      seller.country = primary.country;
      seller.registeredAt = world.asOf - rng.uniform(200, 500) * DAY_MS;
      seller.weight = rng.uniform(0.3, 0.9);
    }
    // The network channel's line: the lead's office IP, or (subtle) a carrier NAT its phone uses.
    const line =
      level === "blatant"
        ? ipIn(rng, primary.country)
        : rng.pick(rng.pick(carrierBlocksOf(rng, world, primary.country)).ips);
    if (shape.channel === "network") primary.ips.push(line);
    return {
      members: partners,
      flag: {
        source: "risk_model:network",
        reason: "dense buyer-seller overlap",
        score: level === "blatant" ? rng.uniform(0.78, 0.95) : rng.uniform(0.55, 0.78),
      },
      apply() {
        const start = world.asOf - p.days * DAY_MS;
        const drops = times(level === "blatant" ? 2 : 4, () =>
          writer.address(rng, primary.country),
        );
        const buyers = times(p.buyers, (i) => {
          const own = writer.device(rng, start - 100 * DAY_MS);
          const shares = i < p.sharers;
          const sellerDevice = rng.pick(rng.pick(ring).devices);
          return campaignBuyer(ctx, {
            registeredAt: world.asOf - rng.uniform(130, 400) * DAY_MS,
            country: primary.country,
            emailDomain: rng.weighted(EMAIL_DOMAINS),
            devices: shape.channel === "device" && shares ? [sellerDevice, own] : [own],
            homeIp: shape.channel === "network" && shares ? line : ipIn(rng, primary.country),
            addressId:
              shape.channel === "address" ? rng.pick(drops) : writer.address(rng, primary.country),
          });
        });
        if (shape.channel === "payout") {
          for (const partner of level === "blatant" ? partners : partners.slice(0, 1)) {
            writer.payoutChange({
              sellerId: partner.id,
              oldAccountId: partner.payoutAccountId,
              newAccountId: primary.payoutAccountId,
              at: start + rng.uniform(1, 20) * DAY_MS,
              deviceId: partner.devices[0] as string,
              ip: partner.ips[0] as string,
            });
            partner.payoutAccountId = primary.payoutAccountId;
          }
        }
        const promos = world.promotions.filter((x) => x.fundedBy === "platform" && !x.newUsersOnly);
        const timing = shape.channel === "timing";
        const clock = campaignClock(
          rng,
          start,
          world.asOf - 4 * DAY_MS,
          timing ? { count: BURSTS[level].count * 3, hours: BURSTS[level].hours } : null,
        );
        for (const buyer of buyers) {
          const count = rng.between(p.orders[0], p.orders[1]);
          for (let k = 0; k < count; k++) {
            const seller = rng.chance(0.5) ? primary : rng.pick(partners);
            const product = seller.products[
              rng.int(Math.min(3, seller.products.length))
            ] as Product;
            const at = clock();
            const promo = rng.chance(p.promoRate)
              ? (promos.find((x) => x.startsAt <= at && at < x.endsAt) ?? null)
              : null;
            const undone = rng.chance(p.undoRate);
            const status = undone ? (rng.chance(0.5) ? "refunded" : "cancelled") : "delivered";
            const deliveredAt = status === "cancelled" ? null : at + rng.uniform(1, 3) * DAY_MS;
            const deviceId = rng.pick(buyer.devices);
            writer.login({
              accountType: "buyer",
              accountId: buyer.id,
              at: at - 5 * MINUTE_MS,
              ip: buyer.homeIp,
              deviceId,
              country: primary.country.code,
              success: true,
            });
            const orderId = writer.order({
              buyer,
              seller,
              product,
              at,
              status,
              paymentMethod: "wallet",
              deviceId,
              ip: buyer.homeIp,
              promo,
              deliveredAt,
            });
            const after = (days: number) =>
              Math.min(world.asOf - MINUTE_MS, (deliveredAt ?? at) + days * DAY_MS);
            // Undone in a burst too when the ring keeps time: a day after the order.
            if (status === "refunded")
              writer.refund(
                orderId,
                product.priceCents,
                "changed_mind",
                after(timing ? 0.5 : rng.uniform(0.5, 3)),
              );
            if (status === "delivered" && rng.chance(0.7))
              writer.review({
                orderId,
                buyerId: buyer.id,
                sellerId: seller.id,
                productId: product.id,
                rating: 5,
                body: organicReview(rng, 5, seller.category),
                at: after(rng.uniform(0.2, 2)),
              });
          }
        }
      },
    };
  },
};
