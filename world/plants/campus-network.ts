// Hard negative: a shop near a campus (or a big office). Dozens of long-lived
// buyers order from the campus network, a few NAT addresses of one range, each on
// their own devices and to their own addresses. Looks like a scheme run through one
// network; the buyers are established, diverse and shop everywhere. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { newCarrierBlock } from "../background.js";
import { DAY_MS } from "../sizes.js";
import { CATEGORIES } from "../vocabulary.js";
import { establishedBuyers, type Plant } from "./plant.js";

const CAMPUS = CATEGORIES.filter((c) => ["books_media", "electronics"].includes(c.name));

export const campusNetwork: Plant = {
  kind: "campus_network",
  typology: "none",
  intensities: [null],
  resembles: "network",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(1, 5) * 365 * DAY_MS;
    seller.category = rng.pick(CAMPUS);
    seller.weight = rng.uniform(0.4, 1);
    return {
      members: [],
      flag: {
        source: "rule:shared_ip",
        reason: "several accounts share an IP address with the seller",
        score: rng.uniform(0.55, 0.85),
      },
      apply() {
        const campus = newCarrierBlock(rng, seller.country, rng.between(3, 6)).ips;
        const students = establishedBuyers(
          rng,
          world,
          rng.between(40, 70),
          world.asOf - 60 * DAY_MS,
          seller.country,
        );
        for (const student of students) {
          for (let k = rng.between(1, 2); k > 0; k--)
            ordinaryOrder(rng, world, writer, seller, student, {
              ip: rng.pick(campus),
              from: world.asOf - 90 * DAY_MS,
            });
        }
      },
    };
  },
};
