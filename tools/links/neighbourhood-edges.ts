// The edges of a neighbourhood from its attributes' holders: two sellers are linked
// through an attribute when link-rule.ts says so (one owns it, or both see a farm
// in it), and an edge weighs the sum of its attributes' 1/log2(1 + degree). Hubs
// never reach here (they are not followed). Pure.
import { linkWeight } from "./hubs.js";
import { links } from "./link-rule.js";
import type { SharedBuyerLink } from "./shared-buyers.js";
import type { AttributeHolding, AttributeKind, EdgeAttribute, NeighbourhoodEdge } from "./types.js";

/** A followed attribute and everyone holding it, by seller. */
export interface HeldAttribute {
  kind: AttributeKind;
  value: string;
  degree: number;
  holdings: Map<string, AttributeHolding>;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Edges between pairs where at least one end satisfies `anchor` (the sellers whose
 * attributes were followed), each with the attributes that link it, rarest first.
 */
export function linkEdges(
  attributes: Iterable<HeldAttribute>,
  anchor: (sellerId: string) => boolean,
  minFarmBuyers: number,
): NeighbourhoodEdge[] {
  const edges = new Map<string, NeighbourhoodEdge>();
  for (const attribute of attributes) {
    const holders = [...attribute.holdings.values()].sort((x, y) =>
      x.sellerId < y.sellerId ? -1 : 1,
    );
    for (let i = 0; i < holders.length; i++)
      for (let j = i + 1; j < holders.length; j++) {
        const [x, y] = [holders[i] as AttributeHolding, holders[j] as AttributeHolding];
        if (!anchor(x.sellerId) && !anchor(y.sellerId)) continue;
        const holdingOf = (h: AttributeHolding) => ({ roles: new Set(h.roles), buyers: h.buyers });
        if (!links(holdingOf(x), holdingOf(y), minFarmBuyers)) continue;
        const key = pairKey(x.sellerId, y.sellerId);
        const edge = edges.get(key) ?? { a: x.sellerId, b: y.sellerId, weight: 0, via: [] };
        const via: EdgeAttribute = {
          kind: attribute.kind,
          value: attribute.value,
          degree: attribute.degree,
          weight: round(linkWeight(attribute.degree)),
          holdings: [x, y],
        };
        edge.via.push(via);
        edge.weight = round(edge.weight + via.weight);
        edges.set(key, edge);
      }
  }
  for (const edge of edges.values())
    edge.via.sort(
      (p, q) =>
        p.degree - q.degree || p.kind.localeCompare(q.kind) || p.value.localeCompare(q.value),
    );
  return [...edges.values()].sort(
    (p, q) => q.weight - p.weight || p.a.localeCompare(q.a) || p.b.localeCompare(q.b),
  );
}

/** Adds one holder row (from ATTRIBUTE_HOLDERS_SQL) to its attribute's holdings. */
export function addHolding(
  attribute: HeldAttribute,
  row: {
    seller_id: string;
    role: AttributeHolding["roles"][number];
    buyers: number;
    rows: AttributeHolding["rows"];
  },
): void {
  const holding = attribute.holdings.get(row.seller_id) ?? {
    sellerId: row.seller_id,
    roles: [],
    buyers: 0,
    rows: [],
  };
  if (!holding.roles.includes(row.role)) holding.roles = [...holding.roles, row.role].sort();
  holding.buyers = Math.max(holding.buyers, row.buyers);
  for (const ref of row.rows)
    if (!holding.rows.some((r) => r.table === ref.table && r.id === ref.id)) holding.rows.push(ref);
  attribute.holdings.set(row.seller_id, holding);
}

/**
 * The attribute edges with the shared-buyer links added: a pair linked both ways
 * carries both (its weight the sum); a pair linked only by buyers gets an edge of its
 * own. Sorted as linkEdges sorts.
 */
export function withSharedBuyers(
  edges: readonly NeighbourhoodEdge[],
  links: readonly SharedBuyerLink[],
): NeighbourhoodEdge[] {
  const byPair = new Map(edges.map((e) => [pairKey(e.a, e.b), { ...e }]));
  for (const link of links) {
    const key = pairKey(link.a, link.b);
    const edge = byPair.get(key) ?? { a: link.a, b: link.b, weight: 0, via: [] };
    if (edge.buyers) continue;
    edge.buyers = link.shared;
    edge.weight = round(edge.weight + link.shared.weight);
    byPair.set(key, edge);
  }
  return [...byPair.values()].sort(
    (p, q) => q.weight - p.weight || p.a.localeCompare(q.a) || p.b.localeCompare(q.b),
  );
}
