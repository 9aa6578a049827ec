// Each new hard negative writes the innocent look-alike it is named for: the shape a
// scheme would have, with the tell that it is genuine.
import { describe, expect, it } from "vitest";
import { blackFriday } from "../../../world/plants/black-friday.js";
import { campusNetwork } from "../../../world/plants/campus-network.js";
import { carrierNat } from "../../../world/plants/carrier-nat.js";
import { familyBusiness } from "../../../world/plants/family-business.js";
import { household } from "../../../world/plants/household.js";
import { influencerSurge } from "../../../world/plants/influencer-surge.js";
import { payoutReverification } from "../../../world/plants/payout-reverification.js";
import { productDefect } from "../../../world/plants/product-defect.js";
import { wholesaleBuyer } from "../../../world/plants/wholesale-buyer.js";
import { ipBlock } from "../../../world/world.js";
import { at, DAY, distinct, plantOne } from "./tiny-world.js";

describe("hard negatives of a variant world", () => {
  it("a household: long-lived accounts share a device, an address and an IP, and shop elsewhere too", async () => {
    const p = await plantOne(household, null);
    const orders = p.rows("orders").filter((o) => o.seller_id === p.seller.id);
    const buyers = [...new Set(orders.map((o) => o.buyer_id))];
    expect(buyers.length).toBeGreaterThanOrEqual(3);
    expect(distinct(orders.map((o) => o.shipping_address_id))).toBe(1);
    const registered = new Map(p.rows("buyers").map((b) => [b.buyer_id, at(b, "registered_at")]));
    for (const b of buyers)
      expect(p.world.asOf - (registered.get(b) as number)).toBeGreaterThan(180 * DAY);
    const elsewhere = p
      .rows("orders")
      .filter((o) => buyers.includes(o.buyer_id) && o.seller_id !== p.seller.id);
    expect(elsewhere.length).toBeGreaterThan(buyers.length);
  });

  it("a campus: dozens of established buyers on their own devices behind one network range", async () => {
    const p = await plantOne(campusNetwork, null);
    const orders = p.rows("orders").filter((o) => o.seller_id === p.seller.id);
    expect(distinct(orders.map((o) => o.buyer_id))).toBeGreaterThanOrEqual(30);
    expect(distinct(orders.map((o) => ipBlock(o.ip as string)))).toBe(1);
    expect(distinct(orders.map((o) => o.device_id))).toBeGreaterThan(
      distinct(orders.map((o) => o.buyer_id)) * 0.8,
    );
  });

  it("a seller on a carrier NAT: its login addresses front its buyers' orders and many other buyers'", async () => {
    const p = await plantOne(carrierNat, null);
    const logins = new Set(
      p
        .rows("logins")
        .filter((l) => l.account_id === p.seller.id)
        .map((l) => l.ip),
    );
    const mine = p.rows("orders").filter((o) => o.seller_id === p.seller.id && logins.has(o.ip));
    expect(distinct(mine.map((o) => o.buyer_id))).toBeGreaterThan(20);
    const everyone = p.rows("orders").filter((o) => logins.has(o.ip));
    expect(distinct(everyone.map((o) => o.buyer_id))).toBeGreaterThan(100);
    expect(distinct(everyone.map((o) => o.seller_id))).toBeGreaterThan(10);
  });

  it("an influencer surge: a burst of clicks from many devices, and a real share of them buy", async () => {
    const p = await plantOne(influencerSurge, null);
    const clicks = p.rows("affiliate_clicks").filter((c) => c.seller_id === p.seller.id);
    const converted = clicks.filter((c) => c.converted_order_id !== null);
    expect(converted.length).toBeGreaterThan(10);
    expect(converted.length / clicks.length).toBeGreaterThan(0.02);
    const placed = new Map(p.rows("orders").map((o) => [o.order_id, at(o, "created_at")]));
    for (const c of converted)
      expect(at(c, "at")).toBeLessThan(placed.get(c.converted_order_id) as number);
    expect(distinct(clicks.map((c) => c.device_id))).toBeGreaterThan(100);
  });

  it("a wholesale buyer: one established account, many large delivered orders", async () => {
    const p = await plantOne(wholesaleBuyer, null);
    const orders = p.rows("orders").filter((o) => o.seller_id === p.seller.id);
    expect(distinct(orders.map((o) => o.buyer_id))).toBe(1);
    expect(orders.length).toBeGreaterThan(8);
    for (const o of orders) expect(Number(o.quantity)).toBeGreaterThanOrEqual(20);
  });

  it("a payout change after re-verification: a new device, at home, nothing expensive listed", async () => {
    const p = await plantOne(payoutReverification, null);
    const change = p.rows("payout_changes").find((c) => c.seller_id === p.seller.id);
    expect(change).toBeDefined();
    expect(p.seller.devices).not.toContain(change?.device_id);
    expect(p.seller.ips).toContain(change?.ip);
    const logins = p.rows("logins").filter((l) => l.device_id === change?.device_id);
    for (const l of logins) expect(l.country).toBe(p.seller.country.code);
    const listed = p.rows("products").filter((r) => r.seller_id === p.seller.id);
    expect(listed.every((r) => at(r, "listed_at") < at(change as never, "at"))).toBe(true);
  });

  it("a family business: relatives buy a little from the seller's home connection", async () => {
    const p = await plantOne(familyBusiness, null);
    const home = p
      .rows("logins")
      .filter((l) => l.account_id === p.seller.id)
      .map((l) => l.ip);
    const shared = p
      .rows("orders")
      .filter((o) => o.seller_id === p.seller.id && home.includes(o.ip));
    expect(distinct(shared.map((o) => o.buyer_id))).toBeGreaterThanOrEqual(2);
    expect(shared.length).toBeLessThanOrEqual(12);
  });

  it("a product defect: many refunds of one item, from many buyers, with varied complaints", async () => {
    const p = await plantOne(productDefect, null);
    const orders = p.rows("orders").filter((o) => o.seller_id === p.seller.id);
    const refunds = p.rows("refunds").filter((r) => orders.some((o) => o.order_id === r.order_id));
    expect(refunds.length / orders.length).toBeGreaterThan(0.3);
    expect(distinct(orders.map((o) => o.buyer_id))).toBe(orders.length);
    const bad = p
      .rows("reviews")
      .filter((r) => r.seller_id === p.seller.id && Number(r.rating) <= 2);
    expect(distinct(bad.map((r) => r.body))).toBeGreaterThan(bad.length / 3);
  });

  it("a Black Friday sale: a four-day spike with the shop's own code, from many buyers", async () => {
    const p = await plantOne(blackFriday, null);
    const sale = p.rows("promotions").find((r) => r.code?.startsWith("BF-"));
    expect(sale?.funded_by).toBe("seller");
    const orders = p.rows("orders").filter((o) => o.seller_id === p.seller.id);
    const during = orders.filter(
      (o) =>
        at(o, "created_at") >= at(sale as never, "starts_at") &&
        at(o, "created_at") < at(sale as never, "ends_at"),
    );
    expect(during.length).toBeGreaterThan(20);
    expect(
      during.filter((o) => o.promo_id === sale?.promo_id).length / during.length,
    ).toBeGreaterThan(0.5);
    expect(distinct(during.map((o) => o.buyer_id))).toBeGreaterThan(during.length * 0.8);
  });
});
