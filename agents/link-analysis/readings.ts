// A neighbourhood as the reasoner's readings: how many sellers are linked to this
// one, how much of its clientele trades in the block they form, and how many of
// them were sanctioned or flagged before. They enter the collusion model as terms
// with learned weights (agents/reasoning/model.ts), gated on the ring's signature in
// the block's own trade (its orders from shared buyers undone), so association alone
// never decides. Pure.
import type { IndicatorReading } from "../../domain/indicator.js";
import { TYPOLOGY_CATALOG } from "../../domain/typology-catalog.js";
import type { HistoryItem, Neighbourhood } from "../../tools/links/index.js";

export interface LinkValues {
  /** Sellers linked directly (hop 1) to the subject. */
  linkedSellers: number;
  /** Share of the subject's recent buyers who also buy from a neighbourhood seller. */
  blockShare: number;
  /** Neighbourhood sellers with an enforcement action or a collusion flag before the as-of. */
  sanctionedNeighbours: number;
  /** Share of the block's trade (its sellers' orders from block buyers) cancelled or refunded. */
  blockUndoRate: number;
}

/**
 * History that speaks to collusion: an enforcement action, or a flag from one of
 * the sources the typology catalogue names for collusion — not, say, a volume alert.
 */
export function sanctionsCollusion(h: HistoryItem): boolean {
  return h.source === "enforcement" || TYPOLOGY_CATALOG.collusion.flagSources.includes(h.what);
}

export function linkValues(n: Neighbourhood): LinkValues {
  return {
    linkedSellers: n.nodes.filter((x) => x.hop === 1).length,
    blockShare: n.block.subjectShare,
    sanctionedNeighbours: new Set(n.history.filter(sanctionsCollusion).map((h) => h.sellerId)).size,
    blockUndoRate: n.block.undoRate ?? 0,
  };
}

const TITLES = {
  "link.linked_sellers":
    "sellers linked through rarely shared devices, IPs, payout accounts or addresses",
  "link.block_share": "share of recent buyers who also buy from linked sellers",
  "link.sanctioned_neighbours": "linked sellers sanctioned, or flagged for collusion, before",
  "link.block_undo_rate":
    "share of the block's orders (from buyers shared by linked sellers) cancelled or refunded",
} as const;

/** The four readings, each citing the evidence item its value comes from. */
export function linkReadings(
  values: LinkValues,
  evidence: { connections: string; block: string; history: string },
): IndicatorReading[] {
  const reading = (
    indicator: keyof typeof TITLES,
    unit: IndicatorReading["unit"],
    value: number,
    evidenceId: string,
  ): IndicatorReading => ({
    indicator,
    title: TITLES[indicator],
    topics: ["collusion"],
    unit,
    value,
    baseline: null,
    percentile: null,
    evidence_id: evidenceId,
  });
  return [
    reading("link.linked_sellers", "count", values.linkedSellers, evidence.connections),
    reading("link.block_share", "share", values.blockShare, evidence.block),
    reading("link.sanctioned_neighbours", "count", values.sanctionedNeighbours, evidence.history),
    reading("link.block_undo_rate", "share", values.blockUndoRate, evidence.block),
  ];
}
