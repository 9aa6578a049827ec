// Collusion: a closed ring of sellers and buyers trading among themselves. The
// ring's buyers use the sellers' own devices and IPs, sellers share a payout
// account, and orders are cancelled or refunded once a promotion has paid out or
// the ranking has risen.
import { DAY_MS, MINUTE_MS } from "../sizes.js";
import { organicReview } from "../text.js";
import { EMAIL_DOMAINS } from "../vocabulary.js";
import { ipIn, type Product, type Seller } from "../world.js";
import { campaignBuyer, type Plant, times } from "./plant.js";

const PARAMS = {
  blatant: {
    buyers: 12,
    orders: [4, 8],
    deviceSharers: 4,
    ipSharers: 6,
    sharePayout: true,
    undoRate: 0.55,
    promoRate: 0.6,
    windowDays: 90,
  },
  subtle: {
    buyers: 8,
    orders: [2, 4],
    deviceSharers: 2,
    ipSharers: 3,
    sharePayout: false,
    undoRate: 0.3,
    promoRate: 0.35,
    windowDays: 120,
  },
} as const;

export const collusion: Plant = {
  kind: "collusion",
  typology: "collusion",
  intensities: ["blatant", "subtle"],
  prepare(primary, intensity, ctx) {
    const { rng, world, writer } = ctx;
    const p = PARAMS[intensity ?? "blatant"];
    const partners = [ctx.claimSeller(), ctx.claimSeller()];
    const ring: Seller[] = [primary, ...partners];
    for (const seller of ring) {
      seller.country = primary.country;
      seller.registeredAt = world.asOf - rng.uniform(200, 500) * DAY_MS;
      seller.weight = rng.uniform(0.3, 0.9);
    }
    return {
      members: partners,
      flag: {
        source: "risk_model:network",
        reason: "dense buyer-seller overlap",
        score: intensity === "blatant" ? rng.uniform(0.8, 0.95) : rng.uniform(0.55, 0.78),
      },
      apply() {
        const start = world.asOf - p.windowDays * DAY_MS;
        const [partnerA] = partners as [Seller, Seller];
        const buyers = times(p.buyers, (i) => {
          const own = writer.device(rng, start - 100 * DAY_MS);
          const sharesDevice = i < p.deviceSharers;
          const sharesIp = i < p.ipSharers;
          return campaignBuyer(ctx, {
            registeredAt: world.asOf - rng.uniform(130, 400) * DAY_MS,
            country: primary.country,
            emailDomain: rng.weighted(EMAIL_DOMAINS),
            devices: sharesDevice ? [primary.devices[0] as string, own] : [own],
            homeIp: sharesIp ? (primary.ips[0] as string) : ipIn(rng, primary.country),
            addressId: writer.address(rng, primary.country),
          });
        });
        if (p.sharePayout) {
          writer.payoutChange({
            sellerId: partnerA.id,
            oldAccountId: partnerA.payoutAccountId,
            newAccountId: primary.payoutAccountId,
            at: start + rng.uniform(1, 10) * DAY_MS,
            deviceId: partnerA.devices[0] as string,
            ip: partnerA.ips[0] as string,
          });
          partnerA.payoutAccountId = primary.payoutAccountId;
          // The partner's shop is run from a ring buyer's phone too.
          const ringPhone = buyers[0]?.devices[0] as string;
          for (let k = 0; k < 6; k++)
            writer.login({
              accountType: "seller",
              accountId: partnerA.id,
              at: rng.uniform(start, world.asOf),
              ip: primary.ips[0] as string,
              deviceId: ringPhone,
              country: primary.country.code,
              success: true,
            });
        }
        const promos = world.promotions.filter(
          (promo) => promo.fundedBy === "platform" && !promo.newUsersOnly,
        );
        for (const buyer of buyers) {
          const count = rng.between(p.orders[0], p.orders[1]);
          for (let k = 0; k < count; k++) {
            const seller = rng.chance(0.5) ? primary : rng.pick(partners);
            const product = seller.products[
              rng.int(Math.min(3, seller.products.length))
            ] as Product;
            const at = rng.uniform(start, world.asOf - 4 * DAY_MS);
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
            if (status === "refunded")
              writer.refund(
                orderId,
                product.priceCents,
                "changed_mind",
                Math.min(
                  world.asOf - MINUTE_MS,
                  (deliveredAt ?? at) + rng.uniform(0.5, 3) * DAY_MS,
                ),
              );
            if (status === "delivered" && rng.chance(0.7)) {
              writer.review({
                orderId,
                buyerId: buyer.id,
                sellerId: seller.id,
                productId: product.id,
                rating: 5,
                body: organicReview(rng, 5, seller.category),
                at: Math.min(
                  world.asOf - MINUTE_MS,
                  (deliveredAt ?? at) + rng.uniform(0.2, 2) * DAY_MS,
                ),
              });
            }
          }
        }
      },
    };
  },
};
