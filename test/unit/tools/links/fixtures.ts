// Hand-built attribute sets for the link tools' unit tests.
import type {
  AttributeKind,
  AttributeRole,
  DegreeProfile,
  SellerAttribute,
  SharedAttributes,
} from "../../../../tools/links/types.js";

/** A warehouse where nearly every attribute is personal: hub cut 16 accounts. */
export const PERSONAL_PROFILE: DegreeProfile = {
  device: { sampled: 1000, q1: 1, median: 1, q3: 1, max: 30 },
  ip: { sampled: 1000, q1: 1, median: 1, q3: 1, max: 400 },
  address: { sampled: 1000, q1: 1, median: 1, q3: 1, max: 5 },
  payout_account: { sampled: 400, q1: 1, median: 1, q3: 1, max: 2 },
};

export function attr(
  sellerId: string,
  kind: AttributeKind,
  value: string,
  role: AttributeRole,
  degree: number,
  buyers = role === "order" ? 1 : 0,
): SellerAttribute {
  return { sellerId, kind, value, role, degree, buyers };
}

export function shared(
  attributes: SellerAttribute[],
  profile: DegreeProfile = PERSONAL_PROFILE,
): SharedAttributes {
  const sellerIds = [...new Set(attributes.map((a) => a.sellerId))].sort();
  return {
    asOf: "2026-11-01T00:00:00.000Z",
    sellerIds,
    unknownSellerIds: [],
    attributes,
    profile,
    minFarmBuyers: 1,
    truncated: [],
  };
}
