// The seller's neighbourhood as a graph for Cytoscape: sellers and the attributes
// that tie at least two of them (devices, IPs, payout accounts, shipping addresses),
// each edge saying which rows make it (the seller's own logins or payouts, or how
// many of its buyers' orders used the attribute). Hub attributes — used by more
// accounts than the kind's hub cut — are collapsed into one counted node per kind.
import {
  type AttributeKind,
  hubCuts,
  type SellerAttribute,
  type SharedAttributes,
} from "../../tools/links/index.js";

export interface GraphNode {
  id: string;
  label: string;
  kind: "subject" | "seller" | "device" | "ip" | "payout" | "address";
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

export function linkGraph(subjectId: string, shared: SharedAttributes): LinkGraph {
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
  return { nodes: [...nodes.values()], edges, hubs };
}
