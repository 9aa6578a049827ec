// Click farm: bursts of affiliate clicks on a seller's listings from a handful of
// IPs and emulated devices, with next to no purchases behind them.
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../sizes.js";
import { ipIn, type Product } from "../world.js";
import { establishedBuyers, type Plant, times } from "./plant.js";

const PARAMS = {
  blatant: {
    clicks: 4000,
    ips: 6,
    devices: 12,
    emulatorShare: 1,
    creators: 3,
    conversions: 2,
    days: 5,
    burstHours: 2,
  },
  subtle: {
    clicks: 1200,
    ips: 18,
    devices: 30,
    emulatorShare: 0.6,
    creators: 2,
    conversions: 4,
    days: 14,
    burstHours: 4,
  },
} as const;

export const clickFarm: Plant = {
  kind: "click_farm",
  typology: "click_farm",
  intensities: ["blatant", "subtle"],
  prepare(seller, intensity, ctx) {
    const { rng, world, writer } = ctx;
    const p = PARAMS[intensity ?? "blatant"];
    seller.registeredAt = Math.min(seller.registeredAt, world.asOf - 90 * DAY_MS);
    return {
      members: [],
      flag: {
        source: "affiliate_monitor",
        reason: "click volume anomaly",
        score: intensity === "blatant" ? rng.uniform(0.8, 0.95) : rng.uniform(0.5, 0.75),
      },
      apply() {
        const start = world.asOf - (p.days + 1) * DAY_MS;
        const creators = rng.sample(world.creators, p.creators);
        const devices = times(p.devices, (i) =>
          writer.device(rng, start - DAY_MS, {
            emulator: i < p.devices * p.emulatorShare,
            os: "android",
          }),
        );
        const ips = times(p.ips, () => ipIn(rng, seller.country));
        const targets = seller.products.slice(0, 3) as Product[];
        const bursts = times(p.days * 2, () =>
          rng.uniform(start, world.asOf - p.burstHours * HOUR_MS),
        );
        const buyers = establishedBuyers(rng, world, p.conversions, start - 30 * DAY_MS);
        for (let i = 0; i < p.clicks; i++) {
          const product = rng.pick(targets);
          const at = rng.pick(bursts) + rng.uniform(0, p.burstHours) * HOUR_MS;
          const buyer = i < buyers.length ? buyers[i] : undefined;
          let convertedOrderId: string | null = null;
          if (buyer) {
            const deviceId = buyer.devices[0] as string;
            convertedOrderId = writer.order({
              buyer,
              seller,
              product,
              at: at + 5 * MINUTE_MS,
              status: "shipped",
              paymentMethod: "card",
              deviceId,
              ip: buyer.homeIp,
            });
          }
          writer.click({
            creatorId: rng.pick(creators),
            productId: product.id,
            sellerId: seller.id,
            at,
            ip: rng.pick(ips),
            deviceId: rng.pick(devices),
            convertedOrderId,
          });
        }
      },
    };
  },
};
