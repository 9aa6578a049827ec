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

/**
 * The spread per kind, and (when read) the marketplace's distinct buyer–shop pairs up
 * to the as-of: the denominator shared-buyer links are judged against.
 */
export type DegreeProfile = Record<AttributeKind, DegreeSpread> & {
  buyerShopPairs?: number;
  /** Per category, the sorted densest-block scores of a hash sample of its sellers (block-density.ts). */
  blockScores?: Record<string, number[]>;
};

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

/** Buyers two sellers share, against what their sizes predict (shared-buyers.ts). */
export interface SharedBuyers {
  /** Buyers who ordered from both up to the as-of. */
  buyers: number;
  /** Σ 1/(shops the buyer ordered from − 1): a buyer of only these two weighs 1. */
  weighted: number;
  /** The weighted count expected if buyers chose shops independently: n_a · n_b / P. */
  expected: number;
  /** −log10 of the Poisson chance of a weighted count this high given `expected`. */
  surprise: number;
  /** What the overlap adds to the edge. */
  weight: number;
  /** The first orders of the most exclusive common buyers at `a` and at `b`. */
  rows: [RowRef[], RowRef[]];
}

/** Two sellers linked through non-hub attributes or shared buyers; `a` < `b`. */
export interface NeighbourhoodEdge {
  a: string;
  b: string;
  /** Sum of the linking attributes' weights and the shared buyers' weight. */
  weight: number;
  via: EdgeAttribute[];
  /** Present when the sellers share surprisingly many exclusive buyers. */
  buyers?: SharedBuyers;
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

/** The densest two-shop block around a seller, against its category (block-density.ts). */
export interface BlockDensity {
  category: string | null;
  /** −log10 of the chance of the block's weighted overlap under independence (0: none). */
  score: number;
  /** The other shop of the block. */
  other: string | null;
  buyers: number;
  weighted: number;
  expected: number;
  /** Orders of the block's most exclusive buyers, at the seller and at the other shop. */
  rows: RowRef[];
  /** Mid-rank percentile of the score among the category's sampled sellers. */
  percentile: number | null;
  /** The category's sampled sellers and their scores' p50, p90 and p99. */
  peers: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}
