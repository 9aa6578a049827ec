// The batches pages: the list with each batch's progress and a form to re-review the
// most strongly flagged sellers; one batch with its progress (refreshed by htmx until
// it finishes), its results table and, once it finished, its ring clusters.
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import type { BatchResultRow } from "../../domain/batch.js";
import type { BatchView } from "../batch/view.js";
import { type Html, html } from "./html.js";
import { page } from "./layout.js";

function origin(view: BatchView): string {
  const o = view.origin;
  if (o.kind === "flagged")
    return `flagged sellers${o.minScore === undefined ? "" : ` scored ≥ ${o.minScore}`}${o.flagSource ? ` from ${o.flagSource}` : ""}`;
  if (o.kind === "file") return `file ${o.name}`;
  return "subjects named by a request";
}

export function progressBox(view: BatchView, poll = true): Html {
  const p = view.progress;
  const live = poll && !p.finished && !view.cancelledAt;
  return html`<div id="progress-${view.id}" class="progress" role="status"${live ? html` hx-get="/console/batches/${view.id}/progress" hx-trigger="every 2s" hx-swap="outerHTML"` : ""}>
<progress max="${p.total}" value="${p.done}" aria-label="Cases settled">${p.done} of ${p.total}</progress>
${p.done} of ${p.total} settled${p.finished ? " — finished" : ""}${view.cancelledAt ? " — cancelled" : ""}
${p.casesPerSecond ? html` · ${p.casesPerSecond} cases/s` : ""}${live && p.etaSeconds !== null ? html` · about ${Math.ceil(p.etaSeconds)} s left` : ""}
<span class="muted">(${Object.entries(p.counts)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`)
    .join(", ")})</span></div>`;
}

export function batchesPage(
  session: ConsoleSession,
  views: readonly BatchView[],
  message?: Html,
): string {
  return page(
    { title: "Batches", session, current: "batches" },
    html`<h1>Batches</h1>
${message ?? ""}
<section><h2>Re-review flagged sellers</h2>
<form method="post" action="/console/batches" class="filters">
<input type="hidden" name="_csrf" value="${session.csrfToken}">
<div><label for="b-score">Lowest flag score</label><input id="b-score" name="min_score" type="number" min="0" max="1" step="0.05" value="0.8"></div>
<div><label for="b-source">Flag source (optional)</label><input id="b-source" name="flag_source" size="24"></div>
<div><label for="b-limit">At most this many sellers</label><input id="b-limit" name="limit" type="number" min="1" max="100" value="20"></div>
<div><button type="submit">Start the batch</button></div>
</form></section>
<section><h2>Recent batches</h2>
${
  views.length === 0
    ? html`<p>No batch yet.</p>`
    : html`<table><thead><tr><th scope="col">Batch</th><th scope="col">Rows</th><th scope="col">Created</th><th scope="col">Progress</th></tr></thead>
<tbody>${views.map(
        (
          v,
        ) => html`<tr><td><a href="/console/batches/${v.id}">${v.id.slice(0, 8)}</a> ${origin(v)}</td><td class="num">${v.total}</td>
<td>${v.createdAt.slice(0, 16).replace("T", " ")} by ${v.createdBy}</td><td>${progressBox(v)}</td></tr>`,
      )}</tbody></table>`
}
</section>`,
  );
}

function resultRow(r: BatchResultRow): Html {
  return html`<tr><td class="num">${r.position}</td>
<td>${r.caseId ? html`<a href="/console/cases/${r.caseId}">${r.subject}</a>` : r.subject}</td>
<td>${r.state}</td><td>${r.decision?.replaceAll("_", " ") ?? "—"}</td><td>${r.typology?.replaceAll("_", " ") ?? "—"}</td>
<td class="num">${r.riskScore === null ? "—" : r.riskScore.toFixed(3)}</td><td>${r.needsReview ? "yes" : ""}</td>
<td>${r.cluster ?? ""}${r.reviewOf ? html` (re-review)` : ""}</td><td>${r.reason ?? ""}</td></tr>`;
}

/**
 * What changes while a batch runs: its progress, its results and, once its finish
 * step stored them, its clusters — refreshed together every 2 s until then.
 */
export function batchLive(view: BatchView, rows: readonly BatchResultRow[]): Html {
  const settled = view.cancelledAt !== null || (view.progress.finished && view.clusters !== null);
  return html`<div id="batch-live"${settled ? "" : html` hx-get="/console/batches/${view.id}/live" hx-trigger="every 2s" hx-swap="outerHTML"`}>
${progressBox(view, false)}
<h2>Results</h2>
<table><thead><tr><th scope="col" class="num">#</th><th scope="col">Subject</th><th scope="col">State</th><th scope="col">Decision</th>
<th scope="col">Typology</th><th scope="col" class="num">Risk</th><th scope="col">Needs review</th><th scope="col">Cluster</th><th scope="col">Reason</th></tr></thead>
<tbody>${rows.map(resultRow)}</tbody></table>
<h2>Ring clusters</h2>
${
  view.clusters === null
    ? html`<p>Clusters are computed once the batch finishes.</p>`
    : view.clusters.length === 0
      ? html`<p>No two sellers of this batch share a non-hub attribute.</p>`
      : html`<table><thead><tr><th scope="col">Cluster</th><th scope="col">Members</th><th scope="col" class="num">Strength</th><th scope="col">Inconsistent</th><th scope="col">Sent back</th></tr></thead>
<tbody>${view.clusters.map(
          (
            c,
          ) => html`<tr><td><code>${c.id}</code></td><td>${c.members.join(", ")}</td><td class="num">${c.strength.toFixed(2)}</td>
<td>${c.inconsistent ? html`<strong>yes</strong>${c.reason ? html` — ${c.reason}` : ""}` : "no"}</td><td>${c.reinvestigate.join(", ")}</td></tr>`,
        )}</tbody></table>`
}</div>`;
}

export function batchPage(
  session: ConsoleSession,
  view: BatchView,
  rows: readonly BatchResultRow[],
): string {
  return page(
    { title: `Batch ${view.id.slice(0, 8)}`, session, current: "batches" },
    html`<h1>Batch <code>${view.id}</code></h1>
<p>${origin(view)} · created ${view.createdAt} by ${view.createdBy} · <a href="/console?batch=${view.id}">its cases in the queue</a></p>
${batchLive(view, rows)}`,
  );
}
