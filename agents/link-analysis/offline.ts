// The deterministic link analysis: the neighbourhood as deep as the task asks and
// its query budget allows, as evidence of kind `link` and as the reasoner's
// readings.

import type { Queryable } from "../../db/types.js";
import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import {
  type DegreeProfile,
  type Neighbourhood,
  readNeighbourhood,
} from "../../tools/links/index.js";
import type { SimilarSellersAnswer } from "../../tools/similar/index.js";
import { linkEvidence } from "./evidence.js";
import { linkReadings, linkValues } from "./readings.js";

export interface LinkTools {
  /** The risk warehouse, read only (through the recorder in a run). */
  warehouse: Queryable;
  /** The spread of attribute degrees hubs are judged against, for an as-of. */
  profile: (asOf: string) => Promise<DegreeProfile>;
  /** The sellers that look most like this one, or null when no profiled snapshot holds it. */
  similar?: (sellerId: string, asOf: string) => Promise<SimilarSellersAnswer | null>;
  now: () => string;
}

export interface LinkFindings {
  evidence: Evidence[];
  readings: IndicatorReading[];
  /** The neighbourhood read (null when the budget allowed none). */
  neighbourhood: Neighbourhood | null;
  hops: number;
  queries: number;
  rows: number;
  /** The statements that found the look-alike sellers, when they were asked. */
  lookAlikeQueries?: { purpose: string; sql: string; params: unknown[] }[];
}

/**
 * Statements a build of `hops` hops runs at most: three a hop through attributes, one
 * for the subject's shared buyers, then block, history and category.
 */
export const queriesFor = (hops: number) => 3 * hops + 4;

/** The most hops `maxQueries` pays for, up to `wanted`; 0 when not even one. */
export function affordableHops(wanted: number, maxQueries: number): number {
  let hops = Math.min(3, Math.max(0, wanted));
  while (hops > 0 && queriesFor(hops) > maxQueries) hops--;
  return hops;
}

export const NO_FINDINGS: LinkFindings = {
  evidence: [],
  readings: [],
  neighbourhood: null,
  hops: 0,
  queries: 0,
  rows: 0,
};

export async function analyseLinks(
  tools: LinkTools,
  sellerId: string,
  asOf: string,
  hops: number,
): Promise<LinkFindings> {
  if (hops < 1) return NO_FINDINGS;
  const profile = await tools.profile(asOf);
  const n = await readNeighbourhood(tools.warehouse, sellerId, asOf, profile, { hops });
  const evidence = linkEvidence(n, tools.now());
  const readings = linkReadings(linkValues(n), {
    connections: evidence.connections.id,
    block: evidence.block.id,
    history: evidence.history.id,
  });
  return {
    evidence: [evidence.connections, evidence.block, evidence.history, evidence.density],
    readings,
    neighbourhood: n,
    hops,
    queries: n.queries.length,
    rows: n.queries.reduce((s, q) => s + q.rows, 0),
  };
}
