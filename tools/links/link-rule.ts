// When a shared attribute links two sellers — the one rule both the retrieval (which
// returns only what can link) and the clustering apply.
//   - At least one of the two holds it as its own: logs in from it or is paid into
//     it. A seller's device, IP or payout account at another shop, or in the orders
//     another shop receives, is the collusion signal.
//   - Or both only see it in orders, and on each side at least `minFarmBuyers`
//     distinct buyers used it: one farm (shared devices, a drop address) buying
//     from both shops. One customer — or a couple sharing a home — buying from both
//     shops is how marketplaces work and links nothing.
import type { AttributeRole } from "./types.js";

/** More buyers than a household shares a device or an address with. */
export const DEFAULT_MIN_FARM_BUYERS = 3;

export interface Holding {
  roles: ReadonlySet<AttributeRole>;
  /** Distinct buyers on the seller's orders that used it. */
  buyers: number;
}

export const ownsIt = (h: Holding): boolean => h.roles.has("login") || h.roles.has("payout");

export function links(a: Holding, b: Holding, minFarmBuyers = DEFAULT_MIN_FARM_BUYERS): boolean {
  if (ownsIt(a) || ownsIt(b)) return true;
  return a.buyers >= minFarmBuyers && b.buyers >= minFarmBuyers;
}
