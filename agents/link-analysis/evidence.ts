// A neighbourhood as evidence of kind `link`: the connections (every edge with the
// attributes behind it and the warehouse rows each end holds them by, and the hubs
// not followed), the seller–buyer block, and the neighbourhood's enforcement and
// flag history — each with the statements that read it, so an auditor can run them
// again. Pure.
import { type Evidence, makeEvidence } from "../../domain/evidence.js";
import type { Neighbourhood, NeighbourhoodEdge, SharedBuyers } from "../../tools/links/index.js";
import { densityEvidence } from "./density-evidence.js";
import { linkValues } from "./readings.js";
import { source } from "./source.js";

/** Edges and hubs kept in the evidence (the strongest first): evidence stays bounded. */
export const MAX_EVIDENCE_EDGES = 40;
export const MAX_EVIDENCE_HUBS = 20;

export interface LinkEvidence {
  connections: Evidence;
  block: Evidence;
  history: Evidence;
  density: Evidence;
}

/** "3 common buyers (2.5 weighted, 0.04 expected)": the overlap against its expectation. */
export function sharedBuyersText(b: SharedBuyers): string {
  return `${b.buyers} common buyers (${b.weighted.toFixed(2)} weighted by exclusivity, ${b.expected.toFixed(2)} expected)`;
}

function describeEdge(edge: NeighbourhoodEdge, subject: string): string {
  const other = edge.a === subject ? edge.b : edge.b === subject ? edge.a : `${edge.a}–${edge.b}`;
  const via = [
    ...edge.via.map((v) => `${v.kind} used by ${v.degree}`),
    ...(edge.buyers ? [sharedBuyersText(edge.buyers)] : []),
  ].join(", ");
  return `${other} (${via})`;
}

/**
 * Each item carries the value of the reading that cites it (`value`), so the
 * reflection can check a finding against the evidence it cites.
 */
export function linkEvidence(n: Neighbourhood, at: string): LinkEvidence {
  const values = linkValues(n);
  const graphQueries = n.queries.filter((q) => q.purpose.startsWith("hop "));
  const direct = n.edges.filter((e) => e.a === n.subject || e.b === n.subject);
  const linked = n.nodes.filter((x) => x.hop > 0);
  const connections = makeEvidence(
    {
      kind: "link",
      source: source(graphQueries),
      summary: linked.length
        ? `${n.subject} is linked to ${linked.length} seller(s) within ${n.hops} hop(s): ${direct
            .slice(0, 6)
            .map((e) => describeEdge(e, n.subject))
            .join("; ")}; ${n.hubs.length} hub attribute(s) not followed`
        : `${n.subject} shares no rarely shared device, IP, payout account or address, and no surprising set of buyers, with another seller (${n.hubs.length} hub attribute(s) not followed)`,
      data: {
        value: values.linkedSellers,
        subject: n.subject,
        as_of: n.asOf,
        hops: n.hops,
        nodes: n.nodes,
        edges: n.edges.slice(0, MAX_EVIDENCE_EDGES),
        hubs: n.hubs.slice(0, MAX_EVIDENCE_HUBS),
        truncated: {
          ...n.truncated,
          evidence_edges: n.edges.length > MAX_EVIDENCE_EDGES,
          evidence_hubs: n.hubs.length > MAX_EVIDENCE_HUBS,
        },
      },
      untrusted: false,
    },
    at,
  );
  const blockQueries = n.queries.filter((q) => q.purpose.includes("block"));
  const b = n.block;
  const block = makeEvidence(
    {
      kind: "link",
      source: source(blockQueries),
      summary: b.buyers
        ? `${Math.round(b.subjectShare * 100)}% of ${n.subject}'s ${b.subjectBuyers} buyers since ${b.since.slice(0, 10)} also buy from its linked sellers: a block of ${b.sellers.length} sellers and ${b.buyers} buyers, density ${b.density.toFixed(2)}`
        : `none of ${n.subject}'s ${b.subjectBuyers} buyers since ${b.since.slice(0, 10)} buys from a linked seller`,
      data: { value: values.blockShare, subject: n.subject, block: b },
      untrusted: false,
    },
    at,
  );
  const historyQueries = n.queries.filter((q) => q.purpose.includes("enforcement"));
  const sanctioned = [...new Set(n.history.map((h) => h.sellerId))];
  const history = makeEvidence(
    {
      kind: "link",
      source: source(historyQueries),
      summary: sanctioned.length
        ? `${sanctioned.length} linked seller(s) have a history: ${n.history
            .slice(0, 4)
            .map(
              (h) =>
                `${h.sellerId} ${h.source === "enforcement" ? `${h.what} (${h.reason})` : `flagged by ${h.what} (${h.reason})`}`,
            )
            .join("; ")}`
        : "no linked seller was sanctioned or flagged before",
      data: { value: values.sanctionedNeighbours, subject: n.subject, history: n.history },
      untrusted: false,
    },
    at,
  );
  return { connections, block, history, density: densityEvidence(n, at) };
}
