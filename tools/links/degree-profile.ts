// The spread of degrees (accounts per attribute) of each attribute kind over the
// whole warehouse up to an as-of: what "normal sharing" looks like in this data, the
// yardstick hubs are judged against. One pass over orders and logins; only a hash
// sample of attribute values is grouped and counted, so the cost stays near a scan.
// With it, read once per as-of too: the marketplace's buyer–shop pairs (the
// denominator of shared-buyer links) and each category's densest-block scores.
import type { Queryable } from "../../db/types.js";
import { AppError } from "../../domain/errors.js";
import { readCategoryBlockScores } from "./block-density.js";
import { BUYER_SHOP_PAIRS_SQL, DEGREE_PROFILE_SQL } from "./sql.js";
import {
  ATTRIBUTE_KINDS,
  type AttributeKind,
  type DegreeProfile,
  type DegreeSpread,
} from "./types.js";

export interface DegreeProfileOptions {
  /** One attribute value in `sampleModulus` is counted (by hash); 1 counts all. Default 8. */
  sampleModulus?: number;
}

/** A kind the warehouse holds none of: nothing is shared, so nothing is a hub yet. */
const EMPTY_SPREAD: DegreeSpread = { sampled: 0, q1: 1, median: 1, q3: 1, max: 1 };

export async function readDegreeProfile(
  warehouse: Queryable,
  asOf: string,
  options: DegreeProfileOptions = {},
): Promise<DegreeProfile> {
  const modulus = options.sampleModulus ?? 8;
  if (!Number.isInteger(modulus) || modulus < 1 || modulus > 1024)
    throw new AppError("bad_argument", "sampleModulus must be an integer from 1 to 1024");
  if (Number.isNaN(Date.parse(asOf)))
    throw new AppError("bad_argument", `asOf is not an instant: ${asOf.slice(0, 80)}`);
  const { rows } = await warehouse.query<DegreeSpread & { kind: string }>(DEGREE_PROFILE_SQL, [
    new Date(asOf).toISOString(),
    modulus,
  ]);
  const profile = Object.fromEntries(
    ATTRIBUTE_KINDS.map((kind) => [kind, { ...EMPTY_SPREAD }]),
  ) as unknown as DegreeProfile;
  for (const row of rows) {
    const kind = row.kind as AttributeKind;
    if (!ATTRIBUTE_KINDS.includes(kind)) continue;
    profile[kind] = {
      sampled: Number(row.sampled),
      q1: Number(row.q1),
      median: Number(row.median),
      q3: Number(row.q3),
      max: Number(row.max),
    };
  }
  // The buyer–shop pairs, counted over the same 1-in-modulus hash sample (of buyers)
  // and scaled up: uniform over buyers, so the estimate is unbiased.
  const pairs = await warehouse.query<{ pairs: number | string }>(BUYER_SHOP_PAIRS_SQL, [
    new Date(asOf).toISOString(),
    modulus,
  ]);
  profile.buyerShopPairs = Number(pairs.rows[0]?.pairs ?? 0) * modulus;
  profile.blockScores = await readCategoryBlockScores(
    warehouse,
    new Date(asOf).toISOString(),
    profile.buyerShopPairs,
  );
  return profile;
}
