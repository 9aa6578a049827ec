// The queue page: counts at the top, the filter form, the table of cases (each row
// a link reachable and walkable by keyboard), "assign to me" per row, and pages.

import type { QueuePage, QueueRow } from "../../db/repositories/console-queue.js";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { CaseSource, CaseStatus } from "../../domain/case.js";
import { TYPOLOGIES } from "../../domain/typology.js";
import { Decision } from "../../domain/verdict.js";
import { Html, html } from "./html.js";
import { page } from "./layout.js";
import { PAGE_SIZE, type QueueQuery, withPage } from "./queue-query.js";

function select(name: string, label: string, options: readonly string[], chosen?: string): Html {
  return html`<div><label for="f-${name}">${label}</label>
<select id="f-${name}" name="${name}"><option value="">any</option>
${options.map((o) => html`<option value="${o}"${o === chosen ? new Html(" selected") : ""}>${o.replaceAll("_", " ")}</option>`)}
</select></div>`;
}

function filters(q: QueueQuery): Html {
  return html`<form method="get" action="/console" class="filters" aria-label="Filter the queue">
${select("status", "Status", CaseStatus.options, q.status)}
${select("decision", "Decision", Decision.options, q.decision)}
${select("typology", "Typology", TYPOLOGIES, q.typology)}
${select("source", "Source", CaseSource.options, q.source)}
<div><label for="f-batch">Batch</label><input id="f-batch" name="batch" size="14" value="${q.batch ?? ""}"></div>
<div><label for="f-from">Created from</label><input id="f-from" name="from" type="date" value="${q.from ?? ""}"></div>
<div><label for="f-to">Created to</label><input id="f-to" name="to" type="date" value="${q.to ?? ""}"></div>
<div><label for="f-sort">Sort by</label><select id="f-sort" name="sort">
${(["risk", "oldest", "newest"] as const).map((s) => html`<option value="${s}"${s === q.sort ? new Html(" selected") : ""}>${s === "risk" ? "highest risk" : s === "oldest" ? "oldest first" : "newest first"}</option>`)}
</select></div>
<div><input id="f-needs" name="needs_review" type="checkbox" value="1"${q.needs_review ? new Html(" checked") : ""}>
<label for="f-needs" class="inline-label">Needs review</label></div>
<div><button type="submit">Apply filters</button> <a href="/console">Clear</a></div>
</form>`;
}

function counts(p: QueuePage): Html {
  const by = p.counts.byStatus;
  const item = (label: string, n: number) => html`<li>${label}: <strong>${n}</strong></li>`;
  return html`<ul class="counts" aria-label="Counts">
${item("Needs review", p.counts.needsReview)}${item("Unassigned needing review", p.counts.unassignedNeedsReview)}
${CaseStatus.options.map((s) => item(s, by[s] ?? 0))}
</ul>`;
}

function row(r: QueueRow, session: ConsoleSession): Html {
  const risk = r.riskScore === null ? "—" : r.riskScore.toFixed(3);
  return html`<tr data-case="${r.caseId}">
<td><a class="open-case" href="/console/cases/${r.caseId}">${r.subjectType} ${r.subjectId}</a>
<div class="muted untrusted-text">${r.allegation.slice(0, 120)}</div></td>
<td>${r.status}${r.needsReview ? html` <strong>· needs review</strong>` : ""}</td>
<td>${r.decision?.replaceAll("_", " ") ?? "—"}</td>
<td>${r.typology?.replaceAll("_", " ") ?? "—"}</td>
<td class="num">${risk}</td>
<td>${r.source}${r.batchId ? html`<br><a href="/console?batch=${r.batchId}">batch ${r.batchId.slice(0, 8)}</a>` : ""}</td>
<td><time datetime="${r.createdAt}">${r.createdAt.slice(0, 16).replace("T", " ")}</time></td>
<td>${
    r.assignee ??
    html`<form method="post" action="/console/cases/${r.caseId}/assign" class="inline">
<input type="hidden" name="_csrf" value="${session.csrfToken}">
<button type="submit" class="secondary" aria-label="Assign ${r.subjectType} ${r.subjectId} to me">Assign to me</button></form>`
  }</td>
</tr>`;
}

export function queuePage(
  session: ConsoleSession,
  q: QueueQuery,
  p: QueuePage,
  notice?: string,
): string {
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  return page(
    { title: "Queue", session, current: "queue" },
    html`<h1>Review queue</h1>
${notice ? html`<p class="message ok" role="status">${notice}</p>` : ""}
${counts(p)}
${filters(q)}
<p id="result-count">${p.total} ${p.total === 1 ? "case" : "cases"} match. Use the arrow keys (or j and k) to move between cases, Enter to open one.</p>
<table id="queue">
<caption class="visually-hidden">Cases in the queue</caption>
<thead><tr><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Decision</th>
<th scope="col">Typology</th><th scope="col" class="num">Risk</th><th scope="col">Source</th>
<th scope="col">Created (UTC)</th><th scope="col">Assignee</th></tr></thead>
<tbody>${p.rows.map((r) => row(r, session))}</tbody>
</table>
<nav class="pager" aria-label="Pages">
${q.page > 1 ? html`<a href="${withPage(q, q.page - 1)}" rel="prev">Previous page</a>` : ""}
<span>Page ${q.page} of ${pages}</span>
${q.page < pages ? html`<a href="${withPage(q, q.page + 1)}" rel="next">Next page</a>` : ""}
</nav>`,
  );
}
