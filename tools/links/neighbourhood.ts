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
import { blockDensity, type DensestBlock, densestBlocks } from "./block-density.js";
import { hubCuts } from "./hubs.js";
import { DEFAULT_MIN_FARM_BUYERS } from "./link-rule.js";
import { followAttributes, ROWS_PER_HOLDING } from "./neighbourhood-attributes.js";
import { type HeldAttribute, linkEdges, withSharedBuyers } from "./neighbourhood-edges.js";
import { BLOCK_SQL, HISTORY_SQL, SELLER_CATEGORY_SQL } from "./neighbourhood-sql.js";
import {
  BUYERS_READ_PER_SELLER,
  MIN_COMMON_BUYERS,
  MIN_WEIGHTED,
  SHARED_BUYERS_SQL,
  type SharedBuyerLink,
  type SharedBuyersRow,
  sharedBuyerLinks,
} from "./shared-buyers.js";
import type { BlockDensity, DegreeProfile, HubAttribute, NeighbourhoodEdge } from "./types.js";

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
  /** The densest two-shop block around the subject, against its category. */
  density: BlockDensity;
  /** Enforcement and flags on the neighbourhood's other sellers, up to the as-of. */
  history: HistoryItem[];
  truncated: { nodes: boolean; edges: boolean };
  queries: ExecutedQuery[];
}

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
  const buyerLinks: SharedBuyerLink[] = [];
  let densest: DensestBlock | null = null;
  for (let hop = 1; hop <= hops && frontier.length; hop++) {
    const follow = await followAttributes(run, hop, frontier, instant, cuts, attributes, hubs);
    const inFrontier = new Set(frontier);
    const hopEdges = linkEdges(follow, (s) => inFrontier.has(s), DEFAULT_MIN_FARM_BUYERS);
    // Shared buyers from the subject only: a later frontier of up to 39 shops would read
    // every order of every one of their buyers (seconds on a busy neighbourhood), and
    // the subject's own ring partners are what the readings count.
    if (hop === 1 && profile.buyerShopPairs) {
      const rows = await run<SharedBuyersRow>(`hop ${hop}: shared buyers`, SHARED_BUYERS_SQL, [
        frontier,
        instant,
        MIN_COMMON_BUYERS,
        MIN_WEIGHTED,
        ROWS_PER_HOLDING,
        profile.buyerShopPairs,
        BUYERS_READ_PER_SELLER,
      ]);
      const found = sharedBuyerLinks(rows, profile.buyerShopPairs);
      densest = densestBlocks(rows, profile.buyerShopPairs).get(sellerId) ?? null;
      buyerLinks.push(...found);
      hopEdges.push(...withSharedBuyers([], found));
    }
    const reached = new Map<string, number>();
    for (const edge of hopEdges) {
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
  const allEdges = withSharedBuyers(
    linkEdges(attributes.values(), () => true, DEFAULT_MIN_FARM_BUYERS),
    buyerLinks,
  ).filter((e) => e.weight >= minStrength && nodes.has(e.a) && nodes.has(e.b));
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
  const [category] = await run<{ category: string }>(
    "the densest block against the category",
    SELLER_CATEGORY_SQL,
    [sellerId],
  );
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
    density: blockDensity(densest, category?.category ?? null, profile.blockScores),
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
