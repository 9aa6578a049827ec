// Account takeover: a long-lived, verified seller logs in from a device and a
// country it has never used (after failed attempts), the payout account changes
// within hours, high-value items appear, and orders on them are never delivered.

import { DAY_MS, HOUR_MS, MINUTE_MS } from "../sizes.js";
import { productTitle } from "../text.js";
import { CATEGORIES, COUNTRIES, RARE_LOGIN_COUNTRIES } from "../vocabulary.js";
import { ipIn } from "../world.js";
import { establishedBuyers, type Plant, times } from "./plant.js";

const PARAMS = {
  blatant: {
    daysAgo: [3, 5],
    failedLogins: 6,
    payoutDelayHours: [0.5, 1.5],
    listings: 6,
    listingDelayHours: [2, 4],
    orders: 25,
    refunds: 3,
    chargebacks: 2,
    extraLogins: 5,
    rareCountry: true,
  },
  subtle: {
    daysAgo: [8, 11],
    failedLogins: 1,
    payoutDelayHours: [18, 26],
    listings: 2,
    listingDelayHours: [24, 40],
    orders: 7,
    refunds: 0,
    chargebacks: 0,
    extraLogins: 2,
    rareCountry: false,
  },
} as const;

const HIGH_VALUE = CATEGORIES.filter((c) => c.name === "electronics" || c.name === "gift_cards");

export const accountTakeover: Plant = {
  kind: "account_takeover",
  typology: "account_takeover",
  intensities: ["blatant", "subtle"],
  prepare(seller, intensity, ctx) {
    const { rng, world, writer } = ctx;
    const p = PARAMS[intensity ?? "blatant"];
    seller.registeredAt = world.asOf - rng.uniform(3, 6) * 365 * DAY_MS;
    seller.weight = Math.max(seller.weight, rng.uniform(2, 4));
    if (seller.category.name === "gift_cards") seller.category = CATEGORIES[2] ?? seller.category;
    return {
      members: [],
      flag: {
        source: "rule:payout_change_new_device",
        reason: "payout account changed after a login from a new device",
        score: intensity === "blatant" ? rng.uniform(0.85, 0.97) : rng.uniform(0.55, 0.75),
      },
      apply() {
        const takeoverAt = world.asOf - rng.uniform(p.daysAgo[0], p.daysAgo[1]) * DAY_MS;
        const country = p.rareCountry
          ? rng.pick(RARE_LOGIN_COUNTRIES)
          : rng.pick(COUNTRIES.filter((c) => c.code !== seller.country.code));
        const deviceId = writer.device(rng, takeoverAt - 10 * MINUTE_MS, {
          os: rng.pick(["windows", "linux"]),
        });
        const ip = ipIn(rng, country);
        const login = (at: number, success: boolean) =>
          writer.login({
            accountType: "seller",
            accountId: seller.id,
            at,
            ip,
            deviceId,
            country: country.code,
            success,
          });
        for (let k = p.failedLogins; k > 0; k--)
          login(takeoverAt - k * rng.uniform(1, 4) * MINUTE_MS, false);
        login(takeoverAt, true);
        for (let k = 0; k < p.extraLogins; k++) login(rng.uniform(takeoverAt, world.asOf), true);

        const newAccount = writer.ids.next("acct");
        const payoutAt =
          takeoverAt + rng.uniform(p.payoutDelayHours[0], p.payoutDelayHours[1]) * HOUR_MS;
        writer.payoutChange({
          sellerId: seller.id,
          oldAccountId: seller.payoutAccountId,
          newAccountId: newAccount,
          at: payoutAt,
          deviceId,
          ip,
        });
        seller.payoutAccountId = newAccount;

        const listedAt =
          takeoverAt + rng.uniform(p.listingDelayHours[0], p.listingDelayHours[1]) * HOUR_MS;
        const items = times(p.listings, () => {
          const category = rng.pick(HIGH_VALUE);
          return writer.product(
            seller,
            productTitle(rng, category),
            rng.between(399, 1499) * 100 - 1,
            listedAt,
            category,
          );
        });
        const victims = establishedBuyers(rng, world, p.orders, takeoverAt - 90 * DAY_MS);
        victims.forEach((buyer, i) => {
          const product = rng.pick(items);
          const at = rng.uniform(listedAt + HOUR_MS, world.asOf - HOUR_MS);
          const deviceId = buyer.devices[0] as string;
          const orderId = writer.order({
            buyer,
            seller,
            product,
            at,
            status: rng.chance(0.5) ? "pending" : "shipped",
            paymentMethod: "card",
            deviceId,
            ip: buyer.homeIp,
          });
          const late = Math.min(world.asOf - MINUTE_MS, at + 2 * DAY_MS);
          if (i < p.refunds) writer.refund(orderId, product.priceCents, "item_not_received", late);
          else if (i < p.refunds + p.chargebacks)
            writer.chargeback(orderId, "13.1_not_received", product.priceCents, late);
        });
      },
    };
  },
};
