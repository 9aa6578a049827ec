// Association is evidence, never a fraud finding on its own: a collusion score that
// reaches the fraud band only through the seller's links to others is held at
// suspicious (for a human), while the same links beside the seller's own evidence
// still decide fraud.
import { describe, expect, it } from "vitest";
import { decide, standsOnAssociation } from "../../../agents/reasoning/offline.js";
import type { TypologyAssessment } from "../../../domain/verdict.js";

function collusion(contributions: [string, number][]): TypologyAssessment {
  const bias = -3.5;
  const logOdds = bias + contributions.reduce((s, [, x]) => s + x, 0);
  return {
    typology: "collusion",
    bias,
    log_odds: logOdds,
    probability: 1 / (1 + Math.exp(-logOdds)),
    contributions: contributions.map(([indicator, log_odds], i) => ({
      indicator,
      value: 1,
      log_odds,
      evidence_id: `ev_${i}`,
    })),
  };
}

const links: [string, number][] = [
  ["link.linked_sellers", 4.19],
  ["link.block_share", 1.9],
  ["link.sanctioned_neighbours", 3.95],
];

describe("a score that stands on association", () => {
  it("is held at suspicious when only the seller's links lift it into the fraud band", () => {
    const only = collusion([["collusion.buyers_on_other_seller_network", 0.01], ...links]);
    expect(only.probability).toBeGreaterThan(0.9);
    expect(standsOnAssociation(only)).toBe(true);
    const decided = decide([only], []);
    expect(decided.decision).toBe("suspicious");
    expect(decided.associationOnly).toBe(true);
  });

  it("still decides fraud when the seller's own evidence reaches suspicious without the links", () => {
    const own = collusion([
      ["collusion.buyers_on_seller_devices", 3],
      ["collusion.shared_payout_account", 1],
      ...links,
    ]);
    expect(standsOnAssociation(own)).toBe(false);
    const decided = decide([own], []);
    expect(decided.decision).toBe("fraud");
    expect(decided.associationOnly).toBe(false);
  });
});
