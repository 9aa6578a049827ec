// The in-memory model of the demo marketplace's actors (sellers, buyers and what
// they own) and the writer that turns every event into warehouse rows. Events
// themselves (orders, reviews, logins...) are not kept: they stream to the sink.
import { createHash } from "node:crypto";
import { type Cell, ts } from "./cells.js";
import type { IdFactory } from "./ids.js";
import type { Manipulation } from "./manipulation.js";
import type { Rng } from "./rng.js";
import type { RowSink } from "./row-sink.js";
import { type Category, type Country, DEVICE_OS } from "./vocabulary.js";

export interface Product {
  id: string;
  sellerId: string;
  priceCents: number;
  listedAt: number;
}

export interface Seller {
  id: string;
  shopName: string;
  registeredAt: number;
  country: Country;
  category: Category;
  /** Relative share of marketplace orders (heavy-tailed). */
  weight: number;
  payoutAccountId: string;
  devices: string[];
  ips: string[];
  products: Product[];
  /** Buyers who bought recently: the pool repeat purchases come from. */
  recentBuyers: number[];
  /** Text planted to steer an automated reviewer (see manipulation.ts). */
  manipulation?: Manipulation;
}

export interface Buyer {
  id: string;
  registeredAt: number;
  country: Country;
  devices: string[];
  homeIp: string;
  addressId: string;
  /** The carrier-NAT addresses this buyer's phone goes out through (realistic background only). */
  mobileIps?: string[];
}

export interface Promotion {
  id: string;
  fundedBy: "platform" | "seller";
  discountCents: number;
  newUsersOnly: boolean;
  startsAt: number;
  endsAt: number;
}

export interface World {
  asOf: number;
  /** Orders before this instant are not generated. */
  windowStart: number;
  sellers: Seller[];
  buyers: Buyer[];
  promotions: Promotion[];
  creators: string[];
  /** Devices and IPs of casual visitors (affiliate clicks without an account). */
  visitorDevices: string[];
  /** Carrier-grade NAT addresses shared by many mobile users. */
  mobileIps: string[];
  /** Carrier-NAT ranges of a realistic background (empty in the classic world). */
  carrierBlocks: CarrierBlock[];
}

/** A mobile carrier's NAT range: a /24 whose few public addresses front hundreds of users. */
export interface CarrierBlock {
  country: Country;
  /** The first three octets, "a.b.c". */
  prefix: string;
  ips: string[];
}

export interface OrderInput {
  buyer: Buyer;
  seller: Seller;
  product: Product;
  at: number;
  quantity?: number;
  status: "pending" | "shipped" | "delivered" | "cancelled" | "refunded";
  paymentMethod: string;
  deviceId: string | null;
  ip: string | null;
  addressId?: string | null;
  promo?: Promotion | null;
  deliveredAt?: number | null;
}

/** Emits rows through the sink and hands out ids; the one place rows are shaped. */
export class WorldWriter {
  constructor(
    readonly sink: RowSink,
    readonly ids: IdFactory,
  ) {}

  device(rng: Rng, firstSeen: number, options: { emulator?: boolean; os?: string } = {}): string {
    const id = this.ids.next("dev");
    const os = options.os ?? rng.weighted(DEVICE_OS);
    this.sink.push("devices", [id, rng.hex(32), os, options.emulator ?? false, ts(firstSeen)]);
    return id;
  }

  address(rng: Rng, country: Country): string {
    const id = this.ids.next("adr");
    const street = `${rng.between(1, 240)} ${rng.hex(6)} street`;
    const hash = createHash("sha1").update(`${country.code}|${street}`).digest("hex").slice(0, 24);
    const postal = String(rng.between(10000, 99999));
    this.sink.push("addresses", [id, hash, rng.pick(country.cities), country.code, postal]);
    return id;
  }

  product(
    seller: Seller,
    title: string,
    priceCents: number,
    listedAt: number,
    category = seller.category,
  ): Product {
    const product = { id: this.ids.next("prd"), sellerId: seller.id, priceCents, listedAt };
    this.sink.push("products", [
      product.id,
      seller.id,
      title,
      category.name,
      priceCents,
      ts(listedAt),
    ]);
    seller.products.push(product);
    return product;
  }

  order(input: OrderInput): string {
    const id = this.ids.next("ord");
    const quantity = input.quantity ?? 1;
    const gross = input.product.priceCents * quantity;
    const total = Math.max(50, gross - (input.promo?.discountCents ?? 0));
    const row: Cell[] = [
      id,
      input.buyer.id,
      input.seller.id,
      input.product.id,
      quantity,
      total,
      ts(input.at),
      input.status,
      input.paymentMethod,
      input.addressId === undefined ? input.buyer.addressId : input.addressId,
      input.deviceId,
      input.ip,
      input.promo?.id ?? null,
      input.deliveredAt == null ? null : ts(input.deliveredAt),
    ];
    this.sink.push("orders", row);
    return id;
  }

  review(r: {
    orderId: string | null;
    buyerId: string;
    sellerId: string;
    productId: string;
    rating: number;
    body: string;
    at: number;
  }): void {
    this.sink.push("reviews", [
      this.ids.next("rev"),
      r.orderId,
      r.buyerId,
      r.sellerId,
      r.productId,
      r.rating,
      r.body,
      ts(r.at),
    ]);
  }

  refund(orderId: string, amountCents: number, reason: string, at: number): void {
    this.sink.push("refunds", [this.ids.next("rfd"), orderId, amountCents, reason, ts(at)]);
  }

  chargeback(orderId: string, reasonCode: string, amountCents: number, at: number): void {
    this.sink.push("chargebacks", [this.ids.next("cbk"), orderId, reasonCode, amountCents, ts(at)]);
  }

  login(l: {
    accountType: "seller" | "buyer";
    accountId: string;
    at: number;
    ip: string;
    deviceId: string;
    country: string;
    success: boolean;
  }): void {
    this.sink.push("logins", [
      this.ids.next("lgn"),
      l.accountType,
      l.accountId,
      ts(l.at),
      l.ip,
      l.deviceId,
      l.country,
      l.success,
    ]);
  }

  payoutChange(c: {
    sellerId: string;
    oldAccountId: string | null;
    newAccountId: string;
    at: number;
    deviceId: string;
    ip: string;
  }): void {
    this.sink.push("payout_changes", [
      this.ids.next("pay"),
      c.sellerId,
      c.oldAccountId,
      c.newAccountId,
      ts(c.at),
      c.deviceId,
      c.ip,
    ]);
  }

  click(c: {
    creatorId: string;
    productId: string;
    sellerId: string;
    at: number;
    ip: string;
    deviceId: string;
    convertedOrderId: string | null;
  }): void {
    this.sink.push("affiliate_clicks", [
      this.ids.next("clk"),
      c.creatorId,
      c.productId,
      c.sellerId,
      ts(c.at),
      c.ip,
      c.deviceId,
      c.convertedOrderId,
    ]);
  }

  flag(f: {
    entityType: "seller" | "buyer" | "order";
    entityId: string;
    source: string;
    score: number;
    reason: string;
    at: number;
  }): void {
    this.sink.push("flags", [
      this.ids.next("flg"),
      f.entityType,
      f.entityId,
      f.source,
      Math.round(f.score * 1000) / 1000,
      f.reason,
      ts(f.at),
    ]);
  }

  enforcement(e: {
    entityType: "seller" | "buyer";
    entityId: string;
    action: string;
    reason: string;
    at: number;
  }): void {
    this.sink.push("enforcement_actions", [
      this.ids.next("enf"),
      e.entityType,
      e.entityId,
      e.action,
      e.reason,
      ts(e.at),
    ]);
  }
}

/** The /24 an address belongs to ("a.b.c"). */
export function ipBlock(ip: string): string {
  return ip.slice(0, ip.lastIndexOf("."));
}

export function ipIn(rng: Rng, country: Country): string {
  return `${rng.pick(country.ipOctets)}.${rng.between(0, 255)}.${rng.between(0, 255)}.${rng.between(1, 254)}`;
}
