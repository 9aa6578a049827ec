// Each typology shape writes the pattern its label claims, and only that: the
// channel links the accounts, the evasive variants have the shape they are named for.
import { describe, expect, it } from "vitest";
import { accountTakeoverVariants } from "../../../world/plants/variants/account-takeover.js";
import { brushingVariants } from "../../../world/plants/variants/brushing.js";
import { clickFarmVariants } from "../../../world/plants/variants/click-farm.js";
import { collusionVariants } from "../../../world/plants/variants/collusion.js";
import { incentiveAbuseVariants } from "../../../world/plants/variants/incentive-abuse.js";
import { ipBlock } from "../../../world/world.js";
import { at, DAY, distinct, HOUR, plantOne, type Row } from "./tiny-world.js";

const ordersOf = (rows: Row[], sellerId: string) => rows.filter((r) => r.seller_id === sellerId);

describe("brushing variants", () => {
  it("through a network: buyers share one IP block but no device and no address", async () => {
    const p = await plantOne(brushingVariants, "blatant", {
      channel: "network",
      variant: "standard",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    expect(orders.length).toBe(50);
    expect(distinct(orders.map((o) => ipBlock(o.ip as string)))).toBe(1);
    expect(distinct(orders.map((o) => o.ip))).toBeLessThanOrEqual(3);
    expect(distinct(orders.map((o) => o.device_id))).toBe(orders.length);
    expect(distinct(orders.map((o) => o.shipping_address_id))).toBe(orders.length);
  });

  it("through a network, subtly: the block is a carrier NAT honest buyers also go out through", async () => {
    const p = await plantOne(brushingVariants, "subtle", {
      channel: "network",
      variant: "standard",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    const blocks = new Set(orders.map((o) => ipBlock(o.ip as string)));
    expect(blocks.size).toBe(1);
    const carrier = p.world.carrierBlocks.find((b) => blocks.has(b.prefix));
    expect(carrier).toBeDefined();
    const honest = p.world.buyers.filter((b) => carrier?.ips.includes(b.homeIp));
    expect(honest.length).toBeGreaterThan(20);
  });

  it("through devices: a few devices, each buyer's own address", async () => {
    const p = await plantOne(brushingVariants, "blatant", {
      channel: "device",
      variant: "standard",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    expect(distinct(orders.map((o) => o.device_id))).toBeLessThanOrEqual(3);
    expect(distinct(orders.map((o) => o.shipping_address_id))).toBe(orders.length);
    expect(distinct(orders.map((o) => ipBlock(o.ip as string)))).toBeGreaterThan(10);
  });

  it("through addresses: two drop addresses, no shared device", async () => {
    const p = await plantOne(brushingVariants, "blatant", {
      channel: "address",
      variant: "standard",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    expect(distinct(orders.map((o) => o.shipping_address_id))).toBeLessThanOrEqual(2);
    expect(distinct(orders.map((o) => o.device_id))).toBe(orders.length);
  });

  it("through timing: accounts registered and ordering within two short bursts, sharing nothing", async () => {
    const p = await plantOne(brushingVariants, "blatant", {
      channel: "timing",
      variant: "standard",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    const times = orders.map((o) => at(o, "created_at")).sort((a, b) => a - b);
    const clusters: number[][] = [];
    for (const t of times) {
      const last = clusters.at(-1);
      if (last && t - (last.at(-1) as number) <= 2 * HOUR) last.push(t);
      else clusters.push([t]);
    }
    expect(clusters.length).toBeLessThanOrEqual(2);
    for (const c of clusters)
      expect((c.at(-1) as number) - (c[0] as number)).toBeLessThanOrEqual(4 * HOUR);
    const registered = new Map(p.rows("buyers").map((b) => [b.buyer_id, at(b, "registered_at")]));
    for (const o of orders)
      expect(at(o, "created_at") - (registered.get(o.buyer_id) as number)).toBeLessThan(0.25 * DAY);
    expect(distinct(orders.map((o) => o.device_id))).toBe(orders.length);
  });

  it("by aged accounts: every buyer is older than 30 days at its order", async () => {
    const p = await plantOne(brushingVariants, "subtle", {
      channel: "device",
      variant: "aged_accounts",
    });
    const registered = new Map(p.rows("buyers").map((b) => [b.buyer_id, at(b, "registered_at")]));
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    expect(orders.length).toBeGreaterThan(10);
    for (const o of orders)
      expect(at(o, "created_at") - (registered.get(o.buyer_id) as number)).toBeGreaterThan(
        30 * DAY,
      );
  });

  it("spread thinly: two months of orders, reviews in varied words, days after delivery", async () => {
    const p = await plantOne(brushingVariants, "blatant", {
      channel: "address",
      variant: "thin_spread",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id);
    const times = orders.map((o) => at(o, "created_at"));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(45 * DAY);
    const reviews = p.rows("reviews").filter((r) => r.seller_id === p.seller.id);
    expect(reviews.length).toBe(orders.length);
    const copies = new Map<string, number>();
    for (const r of reviews) copies.set(r.body as string, (copies.get(r.body as string) ?? 0) + 1);
    expect(Math.max(...copies.values())).toBeLessThan(3);
    const delivered = new Map(orders.map((o) => [o.order_id, at(o, "delivered_at")]));
    for (const r of reviews)
      expect(at(r, "created_at") - (delivered.get(r.order_id) as number)).toBeGreaterThan(DAY);
  });
});

describe("incentive abuse variants", () => {
  it("just past the threshold: every redeemer is three to six days old", async () => {
    const p = await plantOne(incentiveAbuseVariants, "blatant", {
      channel: "address",
      variant: "past_threshold",
    });
    const registered = new Map(p.rows("buyers").map((b) => [b.buyer_id, at(b, "registered_at")]));
    const orders = ordersOf(p.rows("orders"), p.seller.id).filter((o) => o.promo_id !== null);
    expect(orders.length).toBe(45);
    for (const o of orders) {
      const age = at(o, "created_at") - (registered.get(o.buyer_id) as number);
      expect(age).toBeGreaterThanOrEqual(3 * DAY);
      expect(age).toBeLessThanOrEqual(6 * DAY);
    }
    expect(distinct(orders.map((o) => o.shipping_address_id))).toBeLessThanOrEqual(2);
  });

  it("through devices: a handful of phones redeem the welcome offer, fresh accounts", async () => {
    const p = await plantOne(incentiveAbuseVariants, "subtle", {
      channel: "device",
      variant: "standard",
    });
    const orders = ordersOf(p.rows("orders"), p.seller.id).filter((o) => o.promo_id !== null);
    expect(orders.length).toBe(22);
    expect(distinct(orders.map((o) => o.device_id))).toBeLessThanOrEqual(8);
    expect(distinct(orders.map((o) => o.shipping_address_id))).toBe(orders.length);
  });
});

describe("collusion variants", () => {
  it("through payout: both partners move their payout to the lead's account; buyers use no seller device", async () => {
    const p = await plantOne(collusionVariants, "blatant", {
      channel: "payout",
      variant: "standard",
    });
    const changes = p.rows("payout_changes");
    for (const partner of p.handle.members)
      expect(changes.find((c) => c.seller_id === partner.id)?.new_account_id).toBe(
        p.seller.payoutAccountId,
      );
    const sellerDevices = new Set([p.seller, ...p.handle.members].flatMap((s) => s.devices));
    const ring = new Set([p.seller, ...p.handle.members].map((s) => s.id));
    const orders = p.rows("orders").filter((o) => ring.has(o.seller_id as string));
    expect(orders.length).toBeGreaterThan(20);
    expect(orders.some((o) => sellerDevices.has(o.device_id as string))).toBe(false);
  });

  it("through the network: ring buyers order from an IP the lead seller logs in from", async () => {
    const p = await plantOne(collusionVariants, "subtle", {
      channel: "network",
      variant: "standard",
    });
    const orders = p.rows("orders").filter((o) => o.seller_id === p.seller.id);
    expect(orders.some((o) => p.seller.ips.includes(o.ip as string))).toBe(true);
    const sellerDevices = new Set(p.seller.devices);
    expect(orders.some((o) => sellerDevices.has(o.device_id as string))).toBe(false);
  });

  it("through devices: ring buyers order on the sellers' own devices", async () => {
    const p = await plantOne(collusionVariants, "blatant", {
      channel: "device",
      variant: "standard",
    });
    const ring = [p.seller, ...p.handle.members];
    const devices = new Set(ring.flatMap((s) => s.devices));
    const orders = p.rows("orders").filter((o) => ring.some((s) => s.id === o.seller_id));
    expect(orders.filter((o) => devices.has(o.device_id as string)).length).toBeGreaterThan(3);
  });
});

describe("account takeover variants", () => {
  it("within the seller's own country: a new device, a home-country carrier IP, hardly a failed login, a payout change", async () => {
    const p = await plantOne(accountTakeoverVariants, "blatant", {
      channel: "device",
      variant: "same_country",
    });
    const change = p.rows("payout_changes").find((c) => c.seller_id === p.seller.id);
    expect(change).toBeDefined();
    const logins = p
      .rows("logins")
      .filter((l) => l.account_id === p.seller.id && l.device_id === change?.device_id);
    expect(logins.length).toBeGreaterThan(0);
    for (const l of logins) expect(l.country).toBe(p.seller.country.code);
    expect(logins.filter((l) => l.success === "f").length).toBeLessThanOrEqual(1);
    expect(p.seller.devices).not.toContain(change?.device_id);
    expect(p.world.carrierBlocks.some((b) => b.ips.includes(change?.ip as string))).toBe(true);
  });

  it("through the network: the seller's own device id from a foreign country", async () => {
    const p = await plantOne(accountTakeoverVariants, "blatant", {
      channel: "network",
      variant: "standard",
    });
    const change = p.rows("payout_changes").find((c) => c.seller_id === p.seller.id);
    expect(p.seller.devices).toContain(change?.device_id);
    const logins = p
      .rows("logins")
      .filter((l) => l.account_id === p.seller.id && l.ip === change?.ip);
    expect(logins.length).toBeGreaterThan(0);
    for (const l of logins) expect(l.country).not.toBe(p.seller.country.code);
  });

  it("through payout: a second victim is paid out to the same mule account", async () => {
    const p = await plantOne(accountTakeoverVariants, "blatant", {
      channel: "payout",
      variant: "standard",
    });
    expect(p.handle.members).toHaveLength(1);
    const victims = [p.seller, ...p.handle.members].map((s) => s.id);
    const changes = p.rows("payout_changes").filter((c) => victims.includes(c.seller_id as string));
    expect(changes).toHaveLength(2);
    expect(distinct(changes.map((c) => c.new_account_id))).toBe(1);
  });
});

describe("click farm variants", () => {
  it("on real-looking devices: no emulators, months-old phones, clicks at night, no conversion", async () => {
    const p = await plantOne(clickFarmVariants, "blatant", {
      channel: "device",
      variant: "real_devices",
    });
    const clicks = p.rows("affiliate_clicks").filter((c) => c.seller_id === p.seller.id);
    expect(clicks.length).toBe(3500);
    expect(clicks.every((c) => c.converted_order_id === null)).toBe(true);
    for (const c of clicks) expect(new Date(at(c, "at")).getUTCHours()).toBeLessThan(5);
    const used = new Set(clicks.map((c) => c.device_id));
    const devices = p.rows("devices").filter((d) => used.has(d.device_id));
    expect(devices.every((d) => d.is_emulator === "f")).toBe(true);
    const first = Math.min(...clicks.map((c) => at(c, "at")));
    expect(devices.every((d) => first - at(d, "first_seen") > 30 * DAY)).toBe(true);
  });

  it("through devices: a few emulators rotating through many networks", async () => {
    const p = await plantOne(clickFarmVariants, "blatant", {
      channel: "device",
      variant: "standard",
    });
    const clicks = p.rows("affiliate_clicks").filter((c) => c.seller_id === p.seller.id);
    expect(distinct(clicks.map((c) => c.device_id))).toBeLessThanOrEqual(2);
    expect(distinct(clicks.map((c) => c.ip))).toBeGreaterThan(1000);
  });

  it("through the network: many devices behind the addresses of one range", async () => {
    const p = await plantOne(clickFarmVariants, "subtle", {
      channel: "network",
      variant: "standard",
    });
    const clicks = p.rows("affiliate_clicks").filter((c) => c.seller_id === p.seller.id);
    expect(distinct(clicks.map((c) => ipBlock(c.ip as string)))).toBe(1);
    expect(distinct(clicks.map((c) => c.device_id))).toBeGreaterThan(30);
  });
});
