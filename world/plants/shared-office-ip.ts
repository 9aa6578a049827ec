// Hard negative: a seller whose staff work from one office. Many logins from one
// IP on several devices, and a few colleagues who also shop there from the office
// network, on their own long-lived accounts and devices. Not fraud.
import { ordinaryOrder } from "../activity.js";
import { DAY_MS, HOUR_MS } from "../sizes.js";
import { ipIn } from "../world.js";
import { establishedBuyers, type Plant, times } from "./plant.js";

export const sharedOfficeIp: Plant = {
  kind: "shared_office_ip",
  typology: "none",
  intensities: [null],
  resembles: "network",
  prepare(seller, _intensity, ctx) {
    const { rng, world, writer } = ctx;
    seller.registeredAt = world.asOf - rng.uniform(2, 5) * 365 * DAY_MS;
    seller.weight = Math.max(seller.weight, rng.uniform(1.5, 3));
    return {
      members: [],
      flag: {
        source: "rule:shared_ip",
        reason: "several accounts share an IP address with the seller",
        score: rng.uniform(0.6, 0.85),
      },
      apply() {
        const officeIp = ipIn(rng, seller.country);
        const staffDevices = times(rng.between(5, 8), () =>
          writer.device(rng, world.asOf - rng.uniform(200, 700) * DAY_MS, {
            os: rng.pick(["windows", "macos"]),
          }),
        );
        for (let k = 0; k < 160; k++) {
          const day =
            Math.floor(rng.uniform(world.asOf - 180 * DAY_MS, world.asOf) / DAY_MS) * DAY_MS;
          writer.login({
            accountType: "seller",
            accountId: seller.id,
            at: day + rng.uniform(7, 18) * HOUR_MS,
            ip: officeIp,
            deviceId: rng.pick(staffDevices),
            country: seller.country.code,
            success: rng.chance(0.98),
          });
        }
        const colleagues = establishedBuyers(
          rng,
          world,
          rng.between(6, 9),
          world.asOf - 365 * DAY_MS,
          seller.country,
        );
        for (const buyer of colleagues) {
          const orders = rng.between(1, 3);
          for (let k = 0; k < orders; k++)
            ordinaryOrder(rng, world, writer, seller, buyer, {
              ip: officeIp,
              from: world.asOf - 180 * DAY_MS,
            });
        }
      },
    };
  },
};
