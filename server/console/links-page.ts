// The links page: the seller's neighbourhood drawn by Cytoscape from JSON the page
// carries, and the same edges as a table (what a screen reader reads, and the rows
// behind each edge).
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { html, jsonData } from "./html.js";
import { page } from "./layout.js";
import type { LinkGraph } from "./links-graph.js";

const KIND_NAMES: Record<string, [string, string]> = {
  device: ["device", "devices"],
  ip: ["IP", "IPs"],
  address: ["shipping address", "shipping addresses"],
  payout_account: ["payout account", "payout accounts"],
};

export function linksPage(
  session: ConsoleSession,
  target: { caseId: string; sellerId: string; asOf: string },
  graph: LinkGraph,
): string {
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const hubs = Object.entries(graph.hubs);
  return page(
    {
      title: `Links of ${target.sellerId}`,
      session,
      scripts: ["/console/assets/cytoscape.min.js"],
    },
    html`<h1>Links of seller <code>${target.sellerId}</code></h1>
<p><a href="/console/cases/${target.caseId}">Back to the case</a> · as of ${target.asOf}</p>
<p>${graph.nodes.filter((n) => n.kind === "seller").length} other sellers share non-hub devices, IPs, payout accounts or shipping addresses with this seller; ${graph.nodes.filter((n) => n.kind === "buyer").length} of its buyers share devices, IPs or addresses with it or with each other.
${hubs.length ? html`Hub attributes left out (used by too many accounts to mean a tie): ${hubs.map(([k, n], i) => html`${i ? ", " : ""}${n} ${n === 1 ? KIND_NAMES[k]?.[0] : KIND_NAMES[k]?.[1]}`)}.` : ""}</p>
${jsonData("graph-data", { nodes: graph.nodes, edges: graph.edges })}
<div id="graph" role="img" aria-label="Graph of the sellers and the attributes they share; the table below lists every edge"></div>
<p id="graph-detail" aria-live="polite" class="muted">Select a node or an edge to see what it stands for.</p>
<h2>Edges and the rows behind them</h2>
<table><thead><tr><th scope="col">Seller</th><th scope="col">Attribute</th><th scope="col">What makes the edge</th></tr></thead>
<tbody>${graph.edges.map((e) => html`<tr><td>${labels.get(e.source) ?? e.source}</td><td>${labels.get(e.target) ?? e.target}</td><td>${e.detail}</td></tr>`)}</tbody></table>`,
  );
}
