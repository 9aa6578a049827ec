// Groups sellers into clusters that share non-hub attributes. Which shared
// attribute links two sellers is link-rule.ts's rule; a pair's strength is the sum
// of 1/log2(1 + degree) over its linking attributes; pairs at or above
// `minStrength` are joined, and clusters are the connected components of those
// joins (singletons are not clusters). Pure: no I/O.
import { sha256Hex } from "../../domain/canonical-json.js";
import { AppError } from "../../domain/errors.js";
import { DEFAULT_HUB_FENCE, hubCuts, linkWeight } from "./hubs.js";
import { DEFAULT_MIN_FARM_BUYERS, links } from "./link-rule.js";
import type {
  AttributeKind,
  AttributeRole,
  BindingAttribute,
  SellerAttribute,
  SellerCluster,
  SharedAttributes,
} from "./types.js";

export interface ClusterOptions {
  /** Least summed weight that joins two sellers (default 0.4: one attribute used by at most 4 accounts, or two by at most 31). */
  minStrength?: number;
  /** Tukey fence multiplier for the hub cut (default 4). */
  hubFence?: number;
  /** Least distinct buyers per side for an order-only link (default 3, link-rule.ts); not below what the attributes were read with. */
  minFarmBuyers?: number;
}

interface Holding {
  roles: Set<AttributeRole>;
  buyers: number;
}

interface Attribute {
  kind: AttributeKind;
  value: string;
  degree: number;
  holders: Map<string, Holding>;
}

const ROLES: readonly string[] = ["login", "payout", "order"];

function checkAttribute(a: SellerAttribute, cuts: Record<AttributeKind, number>): void {
  const valid =
    typeof a?.sellerId === "string" &&
    typeof a.value === "string" &&
    Object.hasOwn(cuts, a.kind) &&
    ROLES.includes(a.role) &&
    Number.isFinite(a.degree) &&
    a.degree >= 1 &&
    Number.isFinite(a.buyers) &&
    a.buyers >= 0;
  if (!valid)
    throw new AppError(
      "bad_argument",
      `not a seller attribute: ${JSON.stringify(a)?.slice(0, 160) ?? String(a)}`,
    );
}

function groupAttributes(input: SharedAttributes, cuts: Record<AttributeKind, number>) {
  const byKey = new Map<string, Attribute>();
  for (const a of input.attributes) {
    checkAttribute(a, cuts);
    if (a.degree > cuts[a.kind]) continue; // a hub
    const key = `${a.kind}\u0000${a.value}`;
    let attribute = byKey.get(key);
    if (!attribute) {
      attribute = { kind: a.kind, value: a.value, degree: a.degree, holders: new Map() };
      byKey.set(key, attribute);
    }
    attribute.degree = Math.max(attribute.degree, a.degree);
    const holding = attribute.holders.get(a.sellerId) ?? { roles: new Set(), buyers: 0 };
    holding.roles.add(a.role);
    holding.buyers = Math.max(holding.buyers, a.buyers);
    attribute.holders.set(a.sellerId, holding);
  }
  return [...byKey.values()].filter((a) => a.holders.size > 1);
}

function checkOptions(options: ClusterOptions, readWith: number) {
  const minStrength = options.minStrength ?? 0.4;
  const hubFence = options.hubFence ?? DEFAULT_HUB_FENCE;
  const minFarmBuyers = options.minFarmBuyers ?? Math.max(DEFAULT_MIN_FARM_BUYERS, readWith);
  if (!(Number.isFinite(minStrength) && minStrength > 0))
    throw new AppError("bad_argument", "minStrength must be a positive number");
  if (!(Number.isFinite(hubFence) && hubFence > 0))
    throw new AppError("bad_argument", "hubFence must be a positive number");
  if (!(Number.isInteger(minFarmBuyers) && minFarmBuyers >= 1))
    throw new AppError("bad_argument", "minFarmBuyers must be a positive integer");
  if (minFarmBuyers < readWith)
    throw new AppError(
      "bad_argument",
      `minFarmBuyers ${minFarmBuyers} is below the ${readWith} the attributes were read with: links the retrieval left out would be missed`,
    );
  return { minStrength, hubFence, minFarmBuyers };
}

class DisjointSets {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root)
      root = this.parent.get(root) as string;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(high, low);
  }
}

export function clusterId(members: readonly string[]): string {
  return `ring_${sha256Hex(JSON.stringify([...members].sort())).slice(0, 16)}`;
}

export function clusterSellers(
  input: SharedAttributes,
  options: ClusterOptions = {},
): SellerCluster[] {
  if (!input || !Array.isArray(input.attributes) || !input.profile)
    throw new AppError("bad_argument", "clusterSellers needs what readSharedAttributes returns");
  const { minStrength, hubFence, minFarmBuyers } = checkOptions(options, input.minFarmBuyers ?? 1);
  const shared = groupAttributes(input, hubCuts(input.profile, hubFence));

  // Pair strengths, and which attributes link which pair.
  const strength = new Map<string, number>();
  const linking = new Map<Attribute, Set<string>>();
  for (const attribute of shared) {
    const holders = [...attribute.holders.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (let i = 0; i < holders.length; i++)
      for (let j = i + 1; j < holders.length; j++) {
        const [x, hx] = holders[i] as [string, Holding];
        const [y, hy] = holders[j] as [string, Holding];
        if (!links(hx, hy, minFarmBuyers)) continue;
        const pair = `${x}\u0000${y}`;
        strength.set(pair, (strength.get(pair) ?? 0) + linkWeight(attribute.degree));
        const pairs = linking.get(attribute) ?? new Set();
        pairs.add(pair);
        linking.set(attribute, pairs);
      }
  }
  const sets = new DisjointSets();
  for (const [pair, s] of strength) {
    if (s < minStrength) continue;
    const [x, y] = pair.split("\u0000") as [string, string];
    sets.union(x, y);
  }
  const members = new Map<string, string[]>();
  for (const [pair, s] of strength) {
    if (s < minStrength) continue;
    for (const seller of pair.split("\u0000")) {
      const root = sets.find(seller);
      const list = members.get(root) ?? [];
      if (!list.includes(seller)) list.push(seller);
      members.set(root, list);
    }
  }
  return [...members.values()]
    .map((list) => bindCluster(list.sort(), linking))
    .sort((a, b) => b.strength - a.strength || (a.id < b.id ? -1 : 1));
}

/** The cluster's binding attributes: those linking a joined pair inside it. */
function bindCluster(members: string[], linking: Map<Attribute, Set<string>>): SellerCluster {
  const inside = new Set(members);
  const bindings: BindingAttribute[] = [];
  for (const [attribute, pairs] of linking) {
    const within = [...pairs].some((p) => p.split("\u0000").every((s) => inside.has(s)));
    if (!within) continue;
    bindings.push({
      kind: attribute.kind,
      value: attribute.value,
      degree: attribute.degree,
      weight: linkWeight(attribute.degree),
      holders: [...attribute.holders.entries()]
        .filter(([seller]) => inside.has(seller))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([sellerId, h]) => ({ sellerId, roles: [...h.roles].sort() })),
    });
  }
  bindings.sort(
    (a, b) => a.degree - b.degree || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value),
  );
  const strength = bindings.reduce((sum, b) => sum + b.weight, 0);
  return { id: clusterId(members), members, bindings, strength: Math.round(strength * 1e6) / 1e6 };
}
