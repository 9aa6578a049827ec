// Hard negative: a seller re-verifies and moves its payout. After a new phone is set
// up (a first login from a device never seen, one mistyped password, from home in the
// seller's own country) the payout account changes the same day, and nothing else
// does: no expensive listings, no undelivered orders. The takeover's shape without
// the takeover. Not fraud.
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../sizes.js";
import type { Plant } from "./plant.js";

export const payoutReverification: Plant = {
  kind: "payout_reverification",
  typology: "none",
  intensities: [null],
  resembles: "payout",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(2, 6) * 365 * DAY_MS;
    seller.weight = Math.max(seller.weight, rng.uniform(1, 3));
    return {
      members: [],
      flag: {
        source: "rule:payout_change_new_device",
        reason: "payout account changed after a login from a new device",
        score: rng.uniform(0.55, 0.9),
      },
      apply() {
        const at = world.asOf - rng.uniform(3, 12) * DAY_MS;
        const phone = writer.device(rng, at - 30 * MINUTE_MS, { os: rng.pick(["android", "ios"]) });
        const ip = rng.pick(seller.ips);
        const login = (when: number, success: boolean) =>
          writer.login({
            accountType: "seller",
            accountId: seller.id,
            at: when,
            ip,
            deviceId: phone,
            country: seller.country.code,
            success,
          });
        login(at - rng.uniform(1, 3) * MINUTE_MS, false);
        login(at, true);
        for (let k = 0; k < 8; k++) login(rng.uniform(at, world.asOf), true);
        const next = writer.ids.next("acct");
        writer.payoutChange({
          sellerId: seller.id,
          oldAccountId: seller.payoutAccountId,
          newAccountId: next,
          at: at + rng.uniform(0.5, 6) * HOUR_MS,
          deviceId: phone,
          ip,
        });
        seller.payoutAccountId = next;
      },
    };
  },
};
