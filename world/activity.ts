// Ordinary marketplace life: orders with diurnal timing and a growth trend, and
// what follows them (deliveries, reviews, refunds, chargebacks, buyer logins,
// affiliate clicks), plus sellers' own logins and occasional payout changes.
// Streams to the sink in chunks so memory stays flat.
import { type Rng, WeightedIndex } from "./rng.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, type WorldSize } from "./sizes.js";
import { organicRating, organicReview } from "./text.js";
import { CHARGEBACK_CODES, HOURLY_WEIGHTS, PAYMENT_METHODS, REFUND_REASONS } from "./vocabulary.js";
import type { Buyer, OrderInput, Product, Promotion, Seller, World, WorldWriter } from "./world.js";

const CHUNK = 5_000;
const hourIndex = new WeightedIndex(HOURLY_WEIGHTS);

/** A time in [lower, asOf): more recent times likelier (growth), hours by the diurnal curve. */
export function orderTime(rng: Rng, lower: number, asOf: number): number {
  const t = lower + (asOf - lower) * rng.next() ** 0.8;
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  const shaped = day + hourIndex.pick(rng) * HOUR_MS + rng.int(60) * MINUTE_MS + rng.int(60_000);
  return shaped >= lower && shaped < asOf ? shaped : t;
}

function pickProduct(rng: Rng, seller: Seller): Product {
  // The first listings are the popular ones: the minimum of two uniform picks skews low.
  const n = seller.products.length;
  return seller.products[Math.min(rng.int(n), rng.int(n))] as Product;
}

function orderStatus(rng: Rng, age: number): OrderInput["status"] {
  if (age < DAY_MS) return rng.chance(0.6) ? "pending" : "shipped";
  if (age < 6 * DAY_MS) return rng.chance(0.55) ? "shipped" : "delivered";
  return rng.weighted([
    ["delivered", 905],
    ["cancelled", 40],
    ["refunded", 45],
    ["shipped", 10],
  ] as const);
}

function activePromo(world: World, at: number, newUser: boolean, rng: Rng) {
  const candidates = world.promotions.filter(
    (p) => p.newUsersOnly === newUser && p.startsAt <= at && at < p.endsAt,
  );
  return candidates.length ? rng.pick(candidates) : null;
}

/** Overrides for a genuine order placed in a particular situation (a viral spike, an office). */
export interface OrdinaryOrderOptions {
  product?: Product;
  /** Earliest time of the order. */
  from?: number;
  /** Latest time of the order (a sale that ended). */
  to?: number;
  ip?: string;
  /** Units ordered (a wholesale buyer). */
  quantity?: number;
  /** The promotion redeemed, in place of the usual chance of one. */
  promo?: Promotion | null;
}

/**
 * Writes one ordinary order and everything that follows from it; returns its id and
 * time, or null when there was no time left to place it. Overrides never change which random
 * numbers are drawn, so the classic world is the same with or without them.
 */
export function ordinaryOrder(
  rng: Rng,
  world: World,
  writer: WorldWriter,
  seller: Seller,
  buyer: Buyer,
  options: OrdinaryOrderOptions = {},
): { orderId: string; at: number } | null {
  const product = options.product ?? pickProduct(rng, seller);
  const lower = Math.max(
    options.from ?? world.windowStart,
    seller.registeredAt,
    buyer.registeredAt,
    product.listedAt,
  );
  const upper = Math.min(world.asOf, options.to ?? world.asOf);
  if (lower >= upper - HOUR_MS) return null;
  const at = orderTime(rng, lower, upper);
  const status = orderStatus(rng, world.asOf - at);
  const deliveredAt =
    status === "delivered" || (status === "refunded" && rng.chance(0.7))
      ? Math.min(world.asOf - MINUTE_MS, at + rng.logNormal(3.5, 0.35) * DAY_MS)
      : null;
  const newUser = at - buyer.registeredAt < 14 * DAY_MS;
  const drawnPromo =
    newUser && rng.chance(0.35)
      ? activePromo(world, at, true, rng)
      : rng.chance(0.04)
        ? activePromo(world, at, false, rng)
        : null;
  const promo = options.promo === undefined ? drawnPromo : options.promo;
  const paymentMethod = rng.weighted(PAYMENT_METHODS);
  const deviceId = rng.chance(0.85) ? (buyer.devices[0] as string) : rng.pick(buyer.devices);
  const ip =
    options.ip ?? (rng.chance(0.75) ? buyer.homeIp : rng.pick(buyer.mobileIps ?? world.mobileIps));
  const drawnQuantity = rng.weighted([
    [1, 85],
    [2, 10],
    [3, 4],
    [5, 1],
  ] as const);
  const quantity = options.quantity ?? drawnQuantity;
  const orderId = writer.order({
    buyer,
    seller,
    product,
    at,
    quantity,
    status,
    paymentMethod,
    deviceId,
    ip,
    promo,
    deliveredAt,
  });
  const total = Math.max(50, product.priceCents * quantity - (promo?.discountCents ?? 0));

  if (rng.chance(0.7)) {
    const loginAt = at - rng.uniform(1, 40) * MINUTE_MS;
    if (rng.chance(0.02))
      writer.login({
        accountType: "buyer",
        accountId: buyer.id,
        at: loginAt - MINUTE_MS,
        ip,
        deviceId,
        country: buyer.country.code,
        success: false,
      });
    writer.login({
      accountType: "buyer",
      accountId: buyer.id,
      at: loginAt,
      ip,
      deviceId,
      country: buyer.country.code,
      success: true,
    });
  }
  const after = (base: number, days: number) =>
    Math.min(world.asOf - MINUTE_MS, base + days * DAY_MS);
  if (status === "refunded")
    writer.refund(
      orderId,
      total,
      rng.weighted(REFUND_REASONS),
      after(deliveredAt ?? at, rng.uniform(0.5, 10)),
    );
  else if (status === "delivered" && rng.chance(0.01))
    writer.refund(
      orderId,
      Math.round(total * 0.3),
      rng.weighted(REFUND_REASONS),
      after(deliveredAt ?? at, rng.uniform(1, 12)),
    );
  if (paymentMethod === "card" && world.asOf - at > 20 * DAY_MS && rng.chance(0.003)) {
    writer.chargeback(
      orderId,
      rng.weighted(CHARGEBACK_CODES),
      total,
      after(at, rng.uniform(15, 45)),
    );
  }
  if (status === "delivered" && deliveredAt !== null && rng.chance(0.3)) {
    const reviewAt = deliveredAt + rng.logNormal(3, 0.8) * DAY_MS;
    if (reviewAt < world.asOf) {
      const rating = organicRating(rng);
      writer.review({
        orderId,
        buyerId: buyer.id,
        sellerId: seller.id,
        productId: product.id,
        rating,
        body: organicReview(rng, rating, seller.category),
        at: reviewAt,
      });
    }
  }
  if (rng.chance(0.015))
    affiliateTraffic(rng, world, writer, seller, product, at, orderId, deviceId, ip);
  return { orderId, at };
}

/** Organic affiliate traffic: one converting click among many diverse visitors'. */
function affiliateTraffic(
  rng: Rng,
  world: World,
  writer: WorldWriter,
  seller: Seller,
  product: Product,
  at: number,
  orderId: string,
  deviceId: string,
  ip: string,
): void {
  const creatorId = rng.pick(world.creators);
  writer.click({
    creatorId,
    productId: product.id,
    sellerId: seller.id,
    at: at - rng.uniform(2, 120) * MINUTE_MS,
    ip,
    deviceId,
    convertedOrderId: orderId,
  });
  const misses = Math.floor(rng.logNormal(16, 0.5));
  for (let k = 0; k < misses; k++) {
    const clickAt = Math.min(world.asOf - MINUTE_MS, at + rng.uniform(-3, 3) * DAY_MS);
    const visitorIp = rng.chance(0.3) ? rng.pick(world.mobileIps) : rng.pick(world.buyers).homeIp;
    writer.click({
      creatorId,
      productId: product.id,
      sellerId: seller.id,
      at: clickAt,
      ip: visitorIp,
      deviceId: rng.pick(world.visitorDevices),
      convertedOrderId: null,
    });
  }
}

export async function generateOrders(
  rng: Rng,
  size: WorldSize,
  world: World,
  writer: WorldWriter,
): Promise<void> {
  const sellerIndex = new WeightedIndex(world.sellers.map((s) => s.weight));
  const buyerIndex = new WeightedIndex(world.buyers.map(() => rng.logNormal(1, 1)));
  for (let i = 0; i < size.orders; i++) {
    const seller = world.sellers[sellerIndex.pick(rng)] as Seller;
    const repeat = seller.recentBuyers.length > 0 && rng.chance(0.18);
    const buyerIdx = repeat ? rng.pick(seller.recentBuyers) : buyerIndex.pick(rng);
    ordinaryOrder(rng, world, writer, seller, world.buyers[buyerIdx] as Buyer);
    if (seller.recentBuyers.length >= 12) seller.recentBuyers[rng.int(12)] = buyerIdx;
    else seller.recentBuyers.push(buyerIdx);
    if (i % CHUNK === CHUNK - 1) await writer.sink.drain();
  }
}

/** Sellers' own logins from their usual devices and IPs, and ordinary payout changes. */
export async function generateSellerActivity(
  rng: Rng,
  world: World,
  writer: WorldWriter,
): Promise<void> {
  for (const seller of world.sellers) {
    const from = Math.max(world.windowStart, seller.registeredAt);
    const logins = Math.min(300, Math.round(8 + seller.weight * 15));
    for (let k = 0; k < logins; k++) {
      const at = rng.uniform(from, world.asOf);
      writer.login({
        accountType: "seller",
        accountId: seller.id,
        at,
        ip: rng.pick(seller.ips),
        deviceId: rng.pick(seller.devices),
        country: seller.country.code,
        success: rng.chance(0.97),
      });
    }
    if (rng.chance(0.05)) {
      const next = writer.ids.next("acct");
      writer.payoutChange({
        sellerId: seller.id,
        oldAccountId: seller.payoutAccountId,
        newAccountId: next,
        at: rng.uniform(from, world.asOf),
        deviceId: rng.pick(seller.devices),
        ip: rng.pick(seller.ips),
      });
      seller.payoutAccountId = next;
    }
    await writer.sink.drain();
  }
}
