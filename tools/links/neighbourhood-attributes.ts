// One hop of a neighbourhood through shared attributes (neighbourhood.ts): the
// frontier's attributes that can link, their degrees, and — for those under their
// kind's hub cut — every seller holding them with the rows that show it. Hubs are
// recorded with their degree and not followed. Three set-based statements a hop.
import { DEFAULT_MIN_FARM_BUYERS } from "./link-rule.js";
import { addHolding, type HeldAttribute } from "./neighbourhood-edges.js";
import { ATTRIBUTE_HOLDERS_SQL, FRONTIER_ATTRIBUTES_SQL } from "./neighbourhood-sql.js";
import { DEGREES_SQL } from "./sql.js";
import type { AttributeKind, AttributeRole, HubAttribute, RowRef } from "./types.js";

/** Runs a statement and records it for the evidence. */
export type Run = <Row>(purpose: string, sql: string, params: unknown[]) => Promise<Row[]>;

const KINDS: readonly AttributeKind[] = ["device", "ip", "address", "payout_account"];
export const ROWS_PER_HOLDING = 3;
const ATTRIBUTES_PER_SELLER = 400;
const keyOf = (kind: string, value: string) => `${kind}\u0000${value}`;

interface HolderRow {
  seller_id: string;
  kind: AttributeKind;
  value: string;
  role: AttributeRole;
  buyers: number | string;
  source: RowRef["table"];
  rows: string[];
}

/**
 * The attributes newly followed at this hop (added to `attributes`, with their
 * holders); hubs met are added to `hubs` (and a hub's holders updated).
 */
export async function followAttributes(
  run: Run,
  hop: number,
  frontier: readonly string[],
  instant: string,
  cuts: Record<AttributeKind, number>,
  attributes: Map<string, HeldAttribute>,
  hubs: Map<string, HubAttribute>,
): Promise<HeldAttribute[]> {
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
  if (!fresh.size) return [];
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
  if (!follow.length) return [];
  const byKind = (kind: AttributeKind) => follow.filter((a) => a.kind === kind).map((a) => a.value);
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
  return follow;
}
