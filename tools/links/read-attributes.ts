// Reads, for a set of sellers and an as-of instant, the devices and IPs each logs
// in from, the payout accounts each held, and the devices, IPs and shipping
// addresses of the orders each received — each with its degree over the whole
// warehouse — plus the spread of degrees per attribute kind that hubs are judged
// against. Order attributes come back only where they can link two of the sellers
// (link-rule.ts): a big shop's thousands of one-customer devices cannot, and
// leaving them out is what keeps the answer bounded. Four statements whatever the
// number of sellers.
import type { Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { readDegreeProfile } from "./degree-profile.js";
import { DEFAULT_MIN_FARM_BUYERS } from "./link-rule.js";
import { DEGREES_SQL, KNOWN_SELLERS_SQL, SELLER_ATTRIBUTES_SQL } from "./sql.js";
import type {
  AttributeKind,
  AttributeRole,
  DegreeProfile,
  SellerAttribute,
  SharedAttributes,
} from "./types.js";

export interface ReadSharedAttributesOptions {
  /** Order attributes kept per seller, the most used first (default 2000). */
  maxOrderAttributesPerSeller?: number;
  /** Least buyers per side for an order-only tie (default 3, link-rule.ts); cluster with no less. */
  minFarmBuyers?: number;
  /** A degree profile already read for this as-of (a batch reads it once). */
  profile?: DegreeProfile;
}

/** Most sellers one call reads; a batch larger than this is read in slices. */
export const MAX_SELLERS = 5000;
const SELLER_ID = /^[\w.:-]{1,128}$/;

interface AttributeRow {
  seller_id: string;
  kind: AttributeKind;
  value: string;
  role: AttributeRole;
  buyers: number | string;
  rank: number | string;
}

function checkArguments(sellerIds: unknown, asOf: unknown, bound: number): string[] {
  if (!Array.isArray(sellerIds))
    throw new AppError("bad_argument", "sellerIds must be an array of seller ids");
  if (sellerIds.length > MAX_SELLERS)
    throw new AppError(
      "bad_argument",
      `at most ${MAX_SELLERS} sellers per call, got ${sellerIds.length}`,
    );
  for (const id of sellerIds)
    if (typeof id !== "string" || !SELLER_ID.test(id))
      throw new AppError("bad_argument", `not a seller id: ${JSON.stringify(id)?.slice(0, 80)}`);
  if (typeof asOf !== "string" || Number.isNaN(Date.parse(asOf)))
    throw new AppError("bad_argument", `asOf is not an instant: ${String(asOf).slice(0, 80)}`);
  if (!Number.isInteger(bound) || bound < 1)
    throw new AppError("bad_argument", "maxOrderAttributesPerSeller must be a positive integer");
  return [...new Set(sellerIds as string[])].sort();
}

async function readDegrees(
  warehouse: Queryable,
  rows: readonly AttributeRow[],
  asOf: string,
): Promise<Map<string, number>> {
  const values: Record<AttributeKind, Set<string>> = {
    device: new Set(),
    ip: new Set(),
    address: new Set(),
    payout_account: new Set(),
  };
  for (const row of rows) values[row.kind].add(row.value);
  const { rows: degrees } = await warehouse.query<{ kind: string; value: string; degree: number }>(
    DEGREES_SQL,
    [[...values.device], [...values.ip], [...values.address], [...values.payout_account], asOf],
  );
  return new Map(degrees.map((d) => [`${d.kind}\u0000${d.value}`, Number(d.degree)]));
}

export async function readSharedAttributes(
  warehouse: Queryable,
  sellerIds: string[],
  asOf: string,
  options: ReadSharedAttributesOptions = {},
): Promise<SharedAttributes> {
  const bound = options.maxOrderAttributesPerSeller ?? 2000;
  const minFarmBuyers = options.minFarmBuyers ?? DEFAULT_MIN_FARM_BUYERS;
  const ids = checkArguments(sellerIds, asOf, bound);
  if (!Number.isInteger(minFarmBuyers) || minFarmBuyers < 1)
    throw new AppError("bad_argument", "minFarmBuyers must be a positive integer");
  const instant = new Date(asOf).toISOString();
  const known = ids.length
    ? (await warehouse.query<{ seller_id: string }>(KNOWN_SELLERS_SQL, [ids])).rows.map(
        (r) => r.seller_id,
      )
    : [];
  const knownSet = new Set(known);
  const { rows } = known.length
    ? await warehouse.query<AttributeRow>(SELLER_ATTRIBUTES_SQL, [
        known,
        instant,
        bound,
        minFarmBuyers,
      ])
    : { rows: [] as AttributeRow[] };
  const truncated = new Set<string>();
  const kept = rows.filter((row) => {
    if (Number(row.rank) <= bound) return true;
    truncated.add(row.seller_id);
    return false;
  });
  const degrees = kept.length ? await readDegrees(warehouse, kept, instant) : new Map();
  const attributes: SellerAttribute[] = kept.map((row) => ({
    sellerId: row.seller_id,
    kind: row.kind,
    value: row.value,
    role: row.role,
    buyers: Number(row.buyers),
    // Every attribute read is used by the seller or one of its buyers, so at least 1.
    degree: Math.max(1, degrees.get(`${row.kind}\u0000${row.value}`) ?? 1),
  }));
  attributes.sort(
    (a, b) =>
      a.sellerId.localeCompare(b.sellerId) ||
      a.kind.localeCompare(b.kind) ||
      a.value.localeCompare(b.value) ||
      a.role.localeCompare(b.role),
  );
  return {
    asOf: instant,
    sellerIds: known,
    unknownSellerIds: ids.filter((id) => !knownSet.has(id)),
    attributes,
    profile: options.profile ?? (await readDegreeProfile(warehouse, instant)),
    minFarmBuyers,
    truncated: [...truncated].sort(),
  };
}
