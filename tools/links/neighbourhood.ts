// A seller's neighbourhood in the entity graph as of an instant: the sellers
// linked to it through devices, IPs, payout accounts and shipping addresses, k hops
// out, each edge with the attributes that make it and the rows behind them; the
// hubs met on the way (degree above the kind's cut: not followed); the seller–buyer
// block the linked sellers form; and their enforcement and flag history. Per hop
// three set-based statements (frontier attributes, degrees, holders), then one for
// the block and one for the history, whatever the number of sellers. Bounded in
// nodes and edges; the strongest links are kept.
import type { Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { type BlockRow, type SellerBuyerBlock, sellerBuyerBlock } from "./block.js";
import { hubCuts } from "./hubs.js";
import { DEFAULT_MIN_FARM_BUYERS } from "./link-rule.js";
import { addHolding, type HeldAttribute, linkEdges } from "./neighbourhood-edges.js";
import {
  ATTRIBUTE_HOLDERS_SQL,
  BLOCK_SQL,
  FRONTIER_ATTRIBUTES_SQL,
  HISTORY_SQL,
} from "./neighbourhood-sql.js";
import { DEGREES_SQL } from "./sql.js";
import type {
  AttributeKind,
  AttributeRole,
  DegreeProfile,
  HubAttribute,
  NeighbourhoodEdge,
  RowRef,
} from "./types.js";

export interface NeighbourhoodOptions {
  /** Hops out from the seller (1–3, default 2). */
  hops?: number;
  /** Most sellers, the subject included (default 40). */
  maxNodes?: number;
  /** Most edges kept, strongest first (default 120). */
  maxEdges?: number;
  /** Least summed weight for a link (default 0.4, as clusters). */
  minStrength?: number;
  /** Days of orders the block reads (default 180). */
  blockDays?: number;
}

/** A statement the build ran: text, parameters and rows returned (for the evidence). */
export interface ExecutedQuery {
  purpose: string;
  sql: string;
  params: unknown[];
  rows: number;
}

export interface HistoryItem {
  source: "enforcement" | "flag";
  id: string;
  sellerId: string;
  /** The action taken (enforcement) or the flag's source. */
  what: string;
  reason: string;
  at: string;
}

export interface Neighbourhood {
  subject: string;
  asOf: string;
  hops: number;
  /** Sellers reached, with the hop they were reached at (the subject at 0). */
  nodes: { sellerId: string; hop: number }[];
  edges: NeighbourhoodEdge[];
  hubs: HubAttribute[];
  block: SellerBuyerBlock;
  /** Enforcement and flags on the neighbourhood's other sellers, up to the as-of. */
  history: HistoryItem[];
  truncated: { nodes: boolean; edges: boolean };
  queries: ExecutedQuery[];
}

const KINDS: readonly AttributeKind[] = ["device", "ip", "address", "payout_account"];
const ROWS_PER_HOLDING = 3;
const ATTRIBUTES_PER_SELLER = 400;
const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;

function checkOptions(sellerId: string, asOf: string, options: NeighbourhoodOptions) {
  const hops = options.hops ?? 2;
  const maxNodes = options.maxNodes ?? 40;
  const maxEdges = options.maxEdges ?? 120;
  const minStrength = options.minStrength ?? 0.4;
  const blockDays = options.blockDays ?? 180;
  if (!/^[\w.:-]{1,128}$/.test(sellerId))
    throw new AppError("bad_argument", `not a seller id: ${sellerId.slice(0, 80)}`);
  if (Number.isNaN(Date.parse(asOf)))
    throw new AppError("bad_argument", `asOf is not an instant: ${asOf.slice(0, 80)}`);
  if (!Number.isInteger(hops) || hops < 1 || hops > 3)
    throw new AppError("bad_argument", "hops must be 1, 2 or 3");
  if (!Number.isInteger(maxNodes) || maxNodes < 2 || maxNodes > 500)
    throw new AppError("bad_argument", "maxNodes must be an integer from 2 to 500");
  if (!Number.isInteger(maxEdges) || maxEdges < 1 || maxEdges > 5000)
    throw new AppError("bad_argument", "maxEdges must be an integer from 1 to 5000");
  if (!(minStrength > 0)) throw new AppError("bad_argument", "minStrength must be positive");
  if (!Number.isInteger(blockDays) || blockDays < 1)
    throw new AppError("bad_argument", "blockDays must be a positive integer");
  return { hops, maxNodes, maxEdges, minStrength, blockDays };
}

interface HolderRow {
  seller_id: string;
  kind: AttributeKind;
  value: string;
  role: AttributeRole;
  buyers: number | string;
  source: RowRef["table"];
  rows: string[];
}

export async function readNeighbourhood(
  warehouse: Queryable,
  sellerId: string,
  asOf: string,
  profile: DegreeProfile,
  options: NeighbourhoodOptions = {},
): Promise<Neighbourhood> {
  const { hops, maxNodes, maxEdges, minStrength, blockDays } = checkOptions(
    sellerId,
    asOf,
    options,
  );
  const instant = new Date(asOf).toISOString();
  const queries: ExecutedQuery[] = [];
  const run = async <Row>(purpose: string, sql: string, params: unknown[]) => {
    const { rows } = await warehouse.query<Row>(sql, params);
    queries.push({ purpose, sql, params, rows: rows.length });
    return rows;
  };
  const cuts = hubCuts(profile);
  const nodes = new Map<string, number>([[sellerId, 0]]);
  const attributes = new Map<string, HeldAttribute>();
  const hubs = new Map<string, HubAttribute>();
  let nodesCut = false;
  let frontier = [sellerId];
  for (let hop = 1; hop <= hops && frontier.length; hop++) {
    const held = await run<{ seller_id: string; kind: AttributeKind; value: string }>(
      `hop ${hop}: attributes the frontier can link through`,
      FRONTIER_ATTRIBUTES_SQL,
      [frontier, instant, DEFAULT_MIN_FARM_BUYERS, ATTRIBUTES_PER_SELLER],
    );
    const fresh = new Map<string, { kind: AttributeKind; value: string }>();
    for (const row of held) {
      const key = keyOf(row.kind, row.value);
      const hub = hubs.get(key);
      if (hub && !hub.sellerIds.includes(row.seller_id))
        hub.sellerIds = [...hub.sellerIds, row.seller_id].sort();
      if (!attributes.has(key) && !hub) fresh.set(key, row);
    }
    if (!fresh.size) break;
    const values = (kind: AttributeKind) =>
      [...fresh.values()].filter((a) => a.kind === kind).map((a) => a.value);
    const degrees = await run<{ kind: AttributeKind; value: string; degree: number }>(
      `hop ${hop}: degrees`,
      DEGREES_SQL,
      [...KINDS.map(values), instant],
    );
    const degreeOf = new Map(degrees.map((d) => [keyOf(d.kind, d.value), Number(d.degree)]));
    const follow: HeldAttribute[] = [];
    for (const [key, a] of fresh) {
      const degree = Math.max(1, degreeOf.get(key) ?? 1);
      if (degree > cuts[a.kind]) {
        const holders = held.filter((r) => r.kind === a.kind && r.value === a.value);
        hubs.set(key, {
          kind: a.kind,
          value: a.value,
          degree,
          cut: Math.round(cuts[a.kind] * 100) / 100,
          sellerIds: [...new Set(holders.map((r) => r.seller_id))].sort(),
        });
        continue;
      }
      const attribute = { kind: a.kind, value: a.value, degree, holdings: new Map() };
      attributes.set(key, attribute);
      follow.push(attribute);
    }
    if (!follow.length) break;
    const byKind = (kind: AttributeKind) =>
      follow.filter((a) => a.kind === kind).map((a) => a.value);
    const holders = await run<HolderRow>(`hop ${hop}: holders`, ATTRIBUTE_HOLDERS_SQL, [
      ...KINDS.map(byKind),
      instant,
      ROWS_PER_HOLDING,
    ]);
    for (const row of holders) {
      const attribute = attributes.get(keyOf(row.kind, row.value));
      if (!attribute) continue;
      addHolding(attribute, {
        seller_id: row.seller_id,
        role: row.role,
        buyers: Number(row.buyers),
        rows: (row.rows ?? []).map((id) => ({ table: row.source, id })),
      });
    }
    const inFrontier = new Set(frontier);
    const reached = new Map<string, number>();
    for (const edge of linkEdges(follow, (s) => inFrontier.has(s), DEFAULT_MIN_FARM_BUYERS)) {
      if (edge.weight < minStrength) continue;
      for (const end of [edge.a, edge.b])
        if (!nodes.has(end)) reached.set(end, Math.max(reached.get(end) ?? 0, edge.weight));
    }
    const ranked = [...reached.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const room = maxNodes - nodes.size;
    if (ranked.length > room) nodesCut = true;
    frontier = ranked.slice(0, Math.max(0, room)).map(([id]) => id);
    for (const id of frontier) nodes.set(id, hop);
  }
  const allEdges = linkEdges(attributes.values(), () => true, DEFAULT_MIN_FARM_BUYERS).filter(
    (e) => e.weight >= minStrength && nodes.has(e.a) && nodes.has(e.b),
  );
  const members = [...nodes.keys()];
  const since = new Date(Date.parse(instant) - blockDays * 86_400_000).toISOString();
  const blockRows = await run<BlockRow>("the seller–buyer block", BLOCK_SQL, [
    members,
    instant,
    since,
  ]);
  const others = members.filter((id) => id !== sellerId);
  const history = others.length
    ? await run<{
        source: HistoryItem["source"];
        id: string;
        seller_id: string;
        what: string;
        reason: string;
        at: Date | string;
      }>("the neighbourhood's enforcement and flags", HISTORY_SQL, [others, instant])
    : [];
  return {
    subject: sellerId,
    asOf: instant,
    hops,
    nodes: [...nodes.entries()]
      .map(([id, hop]) => ({ sellerId: id, hop }))
      .sort((x, y) => x.hop - y.hop || (x.sellerId < y.sellerId ? -1 : 1)),
    edges: allEdges.slice(0, maxEdges),
    hubs: [...hubs.values()].sort((x, y) => y.degree - x.degree || x.value.localeCompare(y.value)),
    block: sellerBuyerBlock(sellerId, blockRows, since),
    history: history.map((h) => ({
      source: h.source,
      id: h.id,
      sellerId: h.seller_id,
      what: h.what,
      reason: h.reason,
      at: new Date(h.at).toISOString(),
    })),
    truncated: { nodes: nodesCut, edges: allEdges.length > maxEdges },
    queries,
  };
}
