// Click farms through one channel. Network: many devices behind a handful of IPs of
// one range. Device: a few emulators rotating through residential proxies (a new IP
// for nearly every click). Timing: diverse devices and IPs, but every click in a few
// short bursts. The evasive shape runs real-looking phones (no emulators, ordinary
// OS mix, devices seen for months) through carrier NATs, at night, converting nothing.
import { carrierBlocksOf, newCarrierBlock } from "../../background.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../sizes.js";
import { COUNTRIES } from "../../vocabulary.js";
import { ipIn, type Product } from "../../world.js";
import { establishedBuyers, type Plant, type PlantContext, type Shape, times } from "../plant.js";

const PARAMS = {
  blatant: { clicks: 3500, pool: 8, creators: 3, conversions: 2, days: 5, burstHours: 2 },
  subtle: { clicks: 1200, pool: 20, creators: 2, conversions: 4, days: 14, burstHours: 4 },
} as const;

/**
 * The farm's devices: many (half emulators) on the network channel, a few emulators
 * on the device channel, months-old ordinary phones for the evasive shape, and many
 * ordinary devices on the timing channel.
 */
function clickDevices(
  ctx: PlantContext,
  shape: Shape,
  p: (typeof PARAMS)[keyof typeof PARAMS],
  start: number,
): string[] {
  const { rng, writer } = ctx;
  if (shape.variant === "real_devices")
    return times(p.pool * 2, () =>
      writer.device(rng, start - rng.uniform(60, 400) * DAY_MS, {
        os: rng.pick(["android", "ios"]),
      }),
    );
  if (shape.channel === "network")
    return times(p.pool * 3, () =>
      writer.device(rng, start - DAY_MS, { emulator: rng.chance(0.5), os: "android" }),
    );
  if (shape.channel === "device")
    return times(Math.ceil(p.pool / 4), () =>
      writer.device(rng, start - DAY_MS, { emulator: true, os: "android" }),
    );
  return times(Math.round(p.clicks / 5), () =>
    writer.device(rng, start - rng.uniform(1, 300) * DAY_MS),
  );
}

export const clickFarmVariants: Plant = {
  kind: "click_farm",
  typology: "click_farm",
  intensities: ["blatant", "subtle"],
  shapes: [
    { channel: "network", variant: "standard" },
    { channel: "device", variant: "standard" },
    { channel: "timing", variant: "standard" },
    { channel: "device", variant: "real_devices" },
  ],
  prepare(seller, intensity, ctx, shape = { channel: "network", variant: "standard" }) {
    const { rng, world, writer } = ctx;
    const level = intensity ?? "blatant";
    const p = PARAMS[level];
    const real = shape.variant === "real_devices";
    seller.registeredAt = Math.min(seller.registeredAt, world.asOf - 90 * DAY_MS);
    return {
      members: [],
      flag: {
        source: "affiliate_monitor",
        reason: "click volume anomaly",
        score: level === "blatant" ? rng.uniform(0.78, 0.95) : rng.uniform(0.5, 0.75),
      },
      apply() {
        const start = world.asOf - (p.days + 1) * DAY_MS;
        const creators = rng.sample(world.creators, p.creators);
        const pool = clickDevices(ctx, shape, p, start);
        const proxyRange = newCarrierBlock(rng, seller.country, Math.ceil(p.pool / 2)).ips;
        const nat = real ? carrierBlocksOf(rng, world, seller.country).flatMap((b) => b.ips) : [];
        const ip = () =>
          shape.channel === "network"
            ? rng.pick(proxyRange)
            : real
              ? rng.pick(nat)
              : ipIn(rng, rng.chance(0.8) ? seller.country : rng.pick(COUNTRIES));
        const bursts = times(shape.channel === "timing" ? 3 : p.days * 2, () => {
          const day = Math.floor(rng.uniform(start, world.asOf - DAY_MS) / DAY_MS) * DAY_MS;
          // Real-looking phones click between midnight and five, when their owners sleep.
          return real
            ? day + rng.uniform(0, 5 - p.burstHours / 2) * HOUR_MS
            : day + rng.uniform(0, 22) * HOUR_MS;
        });
        const burstHours = real ? p.burstHours / 2 : shape.channel === "timing" ? 1 : p.burstHours;
        const targets = seller.products.slice(0, 3) as Product[];
        const buyers = real
          ? []
          : establishedBuyers(rng, world, p.conversions, start - 30 * DAY_MS);
        for (let i = 0; i < p.clicks; i++) {
          const product = rng.pick(targets);
          const at = Math.min(
            world.asOf - MINUTE_MS,
            rng.pick(bursts) + rng.uniform(0, burstHours) * HOUR_MS,
          );
          const buyer = buyers[i];
          const convertedOrderId = buyer
            ? writer.order({
                buyer,
                seller,
                product,
                at: Math.min(world.asOf - MINUTE_MS, at + 5 * MINUTE_MS),
                status: "shipped",
                paymentMethod: "card",
                deviceId: buyer.devices[0] as string,
                ip: buyer.homeIp,
              })
            : null;
          writer.click({
            creatorId: rng.pick(creators),
            productId: product.id,
            sellerId: seller.id,
            at,
            ip: ip(),
            deviceId: rng.pick(pool),
            convertedOrderId,
          });
        }
      },
    };
  },
};
