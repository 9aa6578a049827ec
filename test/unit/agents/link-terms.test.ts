// Link readings in the reasoner: association is evidence for it, never a finding on
// its own — the link terms count only beside the ring's signature in the block's own
// trade (the orders of the buyers the seller shares with linked sellers, undone).
import { describe, expect, it } from "vitest";
import { indicatorsFor, LINK_INDICATOR_IDS } from "../../../agents/reasoning/model.js";
import { judge } from "../../../agents/reasoning/offline.js";
import { scoreTypologies } from "../../../agents/reasoning/score.js";
import { priorWeights } from "../../../agents/reasoning/weights.js";
import type { IndicatorReading } from "../../../domain/indicator.js";

function reading(
  indicator: string,
  value: number,
  unit: IndicatorReading["unit"],
): IndicatorReading {
  return {
    indicator,
    title: indicator,
    topics: ["collusion"],
    unit,
    value,
    baseline: null,
    percentile: null,
    evidence_id: `ev_${"0".repeat(15)}${indicator.length % 10}`,
  };
}

const links = [
  reading("link.linked_sellers", 3, "count"),
  reading("link.block_share", 0.6, "share"),
  reading("link.sanctioned_neighbours", 2, "count"),
];
const linkContribution = (readings: IndicatorReading[]) =>
  scoreTypologies(readings, priorWeights())
    .find((a) => a.typology === "collusion")
    ?.contributions.filter((c) => c.indicator.startsWith("link."))
    .reduce((s, c) => s + c.log_odds, 0) ?? 0;

describe("link terms in the collusion model", () => {
  it("are not read from the indicator catalogue", () => {
    expect(LINK_INDICATOR_IDS).toEqual([
      "link.linked_sellers",
      "link.block_share",
      "link.sanctioned_neighbours",
    ]);
    for (const id of LINK_INDICATOR_IDS) expect(indicatorsFor("collusion")).not.toContain(id);
  });

  it("add nothing when the block's trade shows no ring signature: a strong neighbourhood alone clears", () => {
    const readings = [...links, reading("link.block_undo_rate", 0.03, "share")];
    expect(linkContribution(readings)).toBe(0);
    expect(judge(scoreTypologies(readings, priorWeights()), readings).decision).toBe("not_fraud");
  });

  it("count beside the block's undone trade, even when the shop's own rate is diluted", () => {
    const readings = [
      ...links,
      reading("link.block_undo_rate", 0.3, "share"),
      reading("collusion.undo_rate_120d", 0.03, "share"),
    ];
    expect(linkContribution(readings)).toBeGreaterThan(3);
  });

  it("read their gate from the link analysis, not the catalogue", () => {
    expect(indicatorsFor("collusion")).not.toContain("link.block_undo_rate");
  });
});
