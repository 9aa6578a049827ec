// The seller's neighbourhood as a graph for Cytoscape: sellers and the attributes
// that tie at least two of them (devices, IPs, payout accounts, shipping addresses),
// and the seller's buyers tied to it or to each other by the attributes of their
// orders, each edge saying which rows make it (logins, payouts, orders and their ids). Hub attributes — used by more
// accounts than the kind's hub cut — are collapsed into one counted node per kind.

import {
  type AttributeKind,
  hubCuts,
  type SellerAttribute,
  type SharedAttributes,
} from "../../tools/links/index.js";
import type { RingTie } from "./links-data.js";

export interface GraphNode {
  id: string;
  label: string;
  kind: "subject" | "seller" | "buyer" | "device" | "ip" | "payout" | "address";
  detail: string;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  detail: string;
}
export interface LinkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Hub attributes left out, per kind. */
  hubs: Partial<Record<AttributeKind, number>>;
}

const NODE_KIND: Record<AttributeKind, GraphNode["kind"]> = {
  device: "device",
  ip: "ip",
  payout_account: "payout",
  address: "address",
};

function how(a: SellerAttribute): string {
  if (a.role === "login") return `${a.sellerId} logged in from it`;
  if (a.role === "payout") return `${a.sellerId} was paid into it`;
  return `${a.buyers} distinct buyers' orders to ${a.sellerId} used it`;
}

function ringDetail(t: RingTie): string {
  const ids = `${t.sample.join(", ")}${t.rows > t.sample.length ? ", …" : ""}`;
  const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return t.holderType === "seller"
    ? `${t.holder} logged in from it ${times(t.rows, "time", "times")} (logins ${ids})`
    : `buyer ${t.holder} used it on ${times(t.rows, "order", "orders")} (${ids})`;
}

export function linkGraph(
  subjectId: string,
  shared: SharedAttributes,
  ring: readonly RingTie[] = [],
): LinkGraph {
  const cuts = hubCuts(shared.profile);
  const byAttribute = new Map<string, SellerAttribute[]>();
  for (const a of shared.attributes) {
    const key = `${a.kind}:${a.value}`;
    byAttribute.set(key, [...(byAttribute.get(key) ?? []), a]);
  }
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const hubs: LinkGraph["hubs"] = {};
  const seller = (id: string) =>
    nodes.set(`s:${id}`, {
      id: `s:${id}`,
      label: id,
      kind: id === subjectId ? "subject" : "seller",
      detail: id === subjectId ? `${id} (the case's seller)` : `seller ${id}`,
    });
  seller(subjectId);
  for (const [key, holders] of byAttribute) {
    const first = holders[0] as SellerAttribute;
    const sellers = new Set(holders.map((h) => h.sellerId));
    if (sellers.size < 2) continue;
    if (first.degree > cuts[first.kind]) {
      hubs[first.kind] = (hubs[first.kind] ?? 0) + 1;
      continue;
    }
    nodes.set(`a:${key}`, {
      id: `a:${key}`,
      label: `${first.kind.replace("_", " ")} ${first.value}`,
      kind: NODE_KIND[first.kind],
      detail: `${first.kind.replace("_", " ")} ${first.value}: used by ${first.degree} accounts in the warehouse`,
    });
    for (const h of holders) {
      seller(h.sellerId);
      edges.push({
        id: `e:${key}:${h.sellerId}:${h.role}`,
        source: `s:${h.sellerId}`,
        target: `a:${key}`,
        detail: how(h),
      });
    }
  }
  const drawn = new Set(edges.map((e) => `${e.source}|${e.target}`));
  const ringHubs = new Set<string>();
  const local = new Map<string, number>();
  for (const t of ring)
    local.set(`${t.kind}:${t.value}`, (local.get(`${t.kind}:${t.value}`) ?? 0) + 1);
  for (const t of ring) {
    const key = `${t.kind}:${t.value}`;
    // Above the kind's cut and used mostly by accounts outside this seller's ring: a
    // hub (a carrier's IP). Used mostly by the ring itself, it is the ring (a farm device).
    if (t.degree > cuts[t.kind] && (local.get(key) ?? 0) * 2 < t.degree) {
      if (!ringHubs.has(key) && !nodes.has(`a:${key}`)) hubs[t.kind] = (hubs[t.kind] ?? 0) + 1;
      ringHubs.add(key);
      continue;
    }
    if (!nodes.has(`a:${key}`))
      nodes.set(`a:${key}`, {
        id: `a:${key}`,
        label: `${t.kind.replace("_", " ")} ${t.value}`,
        kind: NODE_KIND[t.kind],
        detail: `${t.kind.replace("_", " ")} ${t.value}: used by ${t.degree} accounts in the warehouse`,
      });
    const source = t.holderType === "seller" ? `s:${t.holder}` : `b:${t.holder}`;
    if (t.holderType === "seller") seller(t.holder);
    else if (!nodes.has(source))
      nodes.set(source, {
        id: source,
        label: t.holder,
        kind: "buyer",
        detail: `buyer ${t.holder}`,
      });
    if (drawn.has(`${source}|a:${key}`)) continue;
    drawn.add(`${source}|a:${key}`);
    edges.push({ id: `r:${key}:${source}`, source, target: `a:${key}`, detail: ringDetail(t) });
  }
  return { nodes: [...nodes.values()], edges, hubs };
}
