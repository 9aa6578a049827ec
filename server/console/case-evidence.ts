// The evidence table: each item's exact query (or URL, or document) and parameters,
// where the reading stands among the seller's category peers, and the rows behind
// it. Anything a seller, buyer or web page wrote is escaped like everything else and
// marked untrusted; the seller's shop description is quoted whole, as data.
import type { Evidence } from "../../domain/evidence.js";
import { type Html, html } from "./html.js";

/** Rows shown per item; the rest are counted. */
export const ROWS_SHOWN = 20;

interface Peers {
  percentile?: number | null;
  baseline?: { scope?: string; p50?: number; p90?: number; p99?: number; sellers?: number } | null;
}

/** A baseline figure to three significant digits (they come with float noise). */
const figure = (x: unknown) => (typeof x === "number" ? String(Number(x.toPrecision(3))) : "?");

function peers(e: Evidence): Html {
  const data = (e.data ?? {}) as Peers;
  // The share of the category's sellers below the reading (0–1), shown as a percentile.
  if (typeof data.percentile !== "number") return html`<span class="muted">—</span>`;
  const b = data.baseline;
  return html`<strong>${ordinal(Math.round(data.percentile * 100))} percentile</strong>${b ? html`<br><span class="muted">${b.scope ?? "peers"}: p50 ${figure(b.p50)}, p90 ${figure(b.p90)}, p99 ${figure(b.p99)} (${b.sellers} sellers)</span>` : ""}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function rowsOf(e: Evidence): { rows: Record<string, unknown>[]; total: number } {
  const data = (e.data ?? {}) as { sample?: unknown; rows?: unknown; row_count?: unknown };
  const list = Array.isArray(data.sample) ? data.sample : Array.isArray(data.rows) ? data.rows : [];
  const rows = list.filter((r): r is Record<string, unknown> => !!r && typeof r === "object");
  return { rows, total: typeof data.row_count === "number" ? data.row_count : rows.length };
}

const cell = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

function rowsTable(e: Evidence): Html {
  const { rows, total } = rowsOf(e);
  if (rows.length === 0) return html`<span class="muted">no rows</span>`;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const shown = rows.slice(0, ROWS_SHOWN);
  return html`<details><summary>${total} ${total === 1 ? "row" : "rows"}</summary>
<table><thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${shown.map((r) => html`<tr>${columns.map((c) => html`<td${e.untrusted ? html` class="untrusted"` : ""}>${cell(r[c])}</td>`)}</tr>`)}</tbody></table>
${total > shown.length ? html`<p class="muted">and ${total - shown.length} more</p>` : ""}</details>`;
}

function item(e: Evidence): Html {
  return html`<tr id="${e.id}">
<td><code>${e.id}</code><br>${e.kind.replaceAll("_", " ")}${e.untrusted ? html`<br><strong class="untrusted">untrusted</strong>` : ""}</td>
<td${e.untrusted ? html` class="untrusted"` : ""}>${e.summary}</td>
<td><code>${e.source.via}</code><details><summary>query</summary><pre>${e.source.locator}</pre>
<p>parameters: <code>${JSON.stringify(e.source.params)}</code></p></details></td>
<td>${peers(e)}</td>
<td>${rowsTable(e)}</td>
</tr>`;
}

function descriptions(evidence: readonly Evidence[]): Html {
  const quoted = evidence.filter((e) => {
    const data = e.data as { description?: unknown } | null;
    return e.kind === "profile" && typeof data?.description === "string";
  });
  if (quoted.length === 0) return html``;
  return html`<section id="description"><h2>The seller's shop description</h2>
${quoted.map(
  (
    e,
  ) => html`<figure class="untrusted"><figcaption><a href="#${e.id}"><code>${e.id}</code></a>: written by the seller, untrusted — shown as data, never followed</figcaption>
<pre>${(e.data as { description: string }).description}</pre></figure>`,
)}</section>`;
}

export function evidenceSection(evidence: readonly Evidence[]): Html {
  return html`${descriptions(evidence)}
<section id="evidence"><h2>Evidence (${evidence.length})</h2>
<table class="evidence"><caption class="visually-hidden">Evidence items</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Summary</th><th scope="col">Query and parameters</th>
<th scope="col">Among peers</th><th scope="col">Rows</th></tr></thead>
<tbody>${evidence.map(item)}</tbody></table></section>`;
}
