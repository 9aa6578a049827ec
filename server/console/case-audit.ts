// The run as the audit chain tells it: the timeline (refreshed by htmx while the case
// is queued or running), the "audit chain verified" badge (recomputed on request with
// the same verification the REST API's ?verify=true uses), and the replay result
// (the same replay `casehound replay` runs: identical, or the first divergence).
import type { ReplayReport } from "../../controller/replay.js";
import type { AuditEvent, Verification } from "../../domain/audit.js";
import { type Html, html } from "./html.js";

const LIVE = new Set(["queued", "running"]);

/** One line per event: when, who, what; payload details folded. */
export function timeline(caseId: string, status: string, events: readonly AuditEvent[]): Html {
  const live = LIVE.has(status);
  const poll = live
    ? html` hx-get="/console/cases/${caseId}/timeline" hx-trigger="every 2s" hx-swap="outerHTML"`
    : "";
  return html`<div id="timeline"${poll} data-events="${events.length}">
<p>${events.length} events${live ? html` <span class="muted">(updating live while the case ${status === "queued" ? "waits" : "runs"})</span>` : ""}.</p>
<ol class="timeline" tabindex="0" aria-label="Audit events, oldest first">${events.map(
    (
      e,
    ) => html`<li value="${e.seq}"><time datetime="${e.at}">${e.at.slice(11, 23)}</time> <strong>${e.kind.replaceAll("_", " ")}</strong> by ${e.actor}
<details><summary>details</summary><pre>${JSON.stringify(e.payload, null, 1).slice(0, 4000)}</pre><p>hash <code>${e.hash}</code></p></details></li>`,
  )}</ol></div>`;
}

export function verificationBadge(
  caseId: string,
  v: Verification | null,
  checkedAt?: string,
): Html {
  const state = !v
    ? html`<span class="badge">not checked yet</span>`
    : v.ok
      ? html`<span class="badge ok">audit chain verified</span> ${v.events} events, head <code>${v.head.slice(0, 16)}…</code>${checkedAt ? html` (checked ${checkedAt.slice(11, 19)} UTC)` : ""}`
      : html`<span class="badge broken">audit chain BROKEN</span> at event ${v.brokenAt}: ${v.reason}`;
  return html`<div id="verification" role="status">${state}
<button type="button" class="secondary" hx-post="/console/cases/${caseId}/verify" hx-target="#verification" hx-swap="outerHTML">Verify the chain again</button></div>`;
}

export function replayResult(
  caseId: string,
  report: ReplayReport | { error: string } | null,
): Html {
  let result: Html | string = "";
  if (report && "error" in report)
    result = html`<p class="message error">The replay could not run: ${report.error}</p>`;
  else if (report?.identical)
    result = html`<p class="message ok">Replay identical: ${report.recordedAnswers} recorded answers, ${report.stepsCompared} steps compared; decision hash <code>${report.replayedDecisionHash.slice(0, 16)}…</code>.</p>`;
  else if (report)
    result = html`<div class="message error"><p>The replay DIFFERS. First divergence: ${report.differences[0] ?? "(none named)"}</p>
${report.differences.length > 1 ? html`<details><summary>${report.differences.length - 1} more</summary><ul>${report.differences.slice(1).map((d) => html`<li>${d}</li>`)}</ul></details>` : ""}</div>`;
  return html`<div id="replay" role="status">
<button type="button" class="secondary" hx-post="/console/cases/${caseId}/replay" hx-target="#replay" hx-swap="outerHTML">Replay the run</button>
${result}</div>`;
}
