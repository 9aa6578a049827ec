// When an attribute is a hub: its degree is far above what the warehouse's spread
// of degrees for that kind calls normal. The cut is Tukey's far-out fence on the log
// of the degree, exp(log q3 + k · IQR), with the IQR floored at log 2 — the
// smallest spread integer degrees can have — so a kind where nearly everything is
// personal (q1 = q3 = 1) still gets a finite cut: 2^k accounts. Nothing is listed
// by hand: a warehouse whose IPs are commonly shared gets a higher cut on its own.
import type { AttributeKind, DegreeProfile } from "./types.js";

/** Fence multiplier: 4 puts the cut at 16 accounts where sharing is rare. */
export const DEFAULT_HUB_FENCE = 4;

export function hubCut(spread: { q1: number; q3: number }, fence = DEFAULT_HUB_FENCE): number {
  const q1 = Math.log(Math.max(1, spread.q1));
  const q3 = Math.log(Math.max(1, spread.q3, spread.q1));
  return Math.exp(q3 + fence * Math.max(q3 - q1, Math.LN2));
}

export function hubCuts(
  profile: DegreeProfile,
  fence = DEFAULT_HUB_FENCE,
): Record<AttributeKind, number> {
  return {
    device: hubCut(profile.device, fence),
    ip: hubCut(profile.ip, fence),
    address: hubCut(profile.address, fence),
    payout_account: hubCut(profile.payout_account, fence),
  };
}

/** What one shared attribute adds to a link: rarer, stronger; 1 for a degree of 1. */
export function linkWeight(degree: number): number {
  return 1 / Math.log2(1 + Math.max(1, degree));
}
