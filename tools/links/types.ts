// The shapes the link tools share: an account's attribute (a device, an IP, a
// payout account, a shipping address), how it is held, and how many accounts in
// the whole warehouse use it. A later entity-graph agent reads the same shapes.

export const ATTRIBUTE_KINDS = ["device", "ip", "payout_account", "address"] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

/**
 * How a seller holds an attribute: `login` — the seller's own account logged in from
 * it; `payout` — the seller is (or was) paid into it; `order` — orders the seller
 * received were placed from it (device, IP) or shipped to it (address).
 */
export type AttributeRole = "login" | "payout" | "order";

/** One attribute one seller holds in one role, as of the instant asked about. */
export interface SellerAttribute {
  sellerId: string;
  kind: AttributeKind;
  value: string;
  role: AttributeRole;
  /** Distinct buyers on the seller's orders that used it (0 for login and payout). */
  buyers: number;
  /** Distinct accounts (buyers and sellers) in the whole warehouse that use it up to the as-of. */
  degree: number;
}

/** How degrees of one attribute kind are spread over the whole warehouse (log scale). */
export interface DegreeSpread {
  /** Distinct attributes of the kind in the sample the spread was measured on. */
  sampled: number;
  /** Quartiles of the degree (accounts per attribute). */
  q1: number;
  median: number;
  q3: number;
  /** The largest degree seen. */
  max: number;
}

export type DegreeProfile = Record<AttributeKind, DegreeSpread>;

/** What readSharedAttributes returns and clusterSellers reads. */
export interface SharedAttributes {
  asOf: string;
  /** The sellers asked about that exist in the warehouse, sorted. */
  sellerIds: string[];
  /** Sellers asked about that the warehouse does not hold. */
  unknownSellerIds: string[];
  attributes: SellerAttribute[];
  profile: DegreeProfile;
  /** The farm size the order attributes were read for (link-rule.ts); order-only ties below it were left out. */
  minFarmBuyers: number;
  /** Sellers whose order attributes were cut to the per-seller bound (the busiest kept). */
  truncated: string[];
}

/** An attribute that binds members of a cluster. */
export interface BindingAttribute {
  kind: AttributeKind;
  value: string;
  degree: number;
  /** Weight it adds to a link: 1 / log2(1 + degree). */
  weight: number;
  /** The members holding it, sorted, with the roles they hold it in. */
  holders: { sellerId: string; roles: AttributeRole[] }[];
}

export interface SellerCluster {
  /** "ring_" + the first 16 hex digits of sha256 over the sorted member ids. */
  id: string;
  members: string[];
  /** Non-hub attributes that link at least two members, rarest first. */
  bindings: BindingAttribute[];
  /** Sum of the binding attributes' weights. */
  strength: number;
}

/** A warehouse row behind an edge: a login, an order, a payout change, a seller's own payout column. */
export interface RowRef {
  table: "logins" | "orders" | "payout_changes" | "sellers";
  id: string;
}

/** How one seller holds an attribute of the neighbourhood, and the rows that show it. */
export interface AttributeHolding {
  sellerId: string;
  roles: AttributeRole[];
  /** Distinct buyers on the seller's orders that used it (0 unless `order` is a role). */
  buyers: number;
  rows: RowRef[];
}

/** One shared attribute on an edge: its degree, its weight, and both ends' holdings. */
export interface EdgeAttribute {
  kind: AttributeKind;
  value: string;
  degree: number;
  /** 1 / log2(1 + degree): a rarer attribute binds more. */
  weight: number;
  holdings: [AttributeHolding, AttributeHolding];
}

/** Two sellers linked through non-hub attributes; `a` < `b`. */
export interface NeighbourhoodEdge {
  a: string;
  b: string;
  /** Sum of the linking attributes' weights. */
  weight: number;
  via: EdgeAttribute[];
}

/** An attribute a seller of the neighbourhood holds whose degree marks it a hub: not followed. */
export interface HubAttribute {
  kind: AttributeKind;
  value: string;
  degree: number;
  /** The hub cut for its kind (hubs.ts). */
  cut: number;
  /** Neighbourhood sellers holding it. */
  sellerIds: string[];
}
