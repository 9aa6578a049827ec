// The top of a case page: the verdict at a glance (decision, score, action,
// confidence, who reviewed it, who works it), "assign to me", and the review form —
// bound to the verdict hash the page shows, so a review posted from a stale page is
// refused instead of landing on a verdict the analyst never saw.
import type { CaseDetail } from "../../db/repositories/case-views.js";
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { allows } from "../../domain/api-key.js";
import { Decision } from "../../domain/verdict.js";
import { type Html, html } from "./html.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function verdictHeader(
  detail: CaseDetail,
  assignee: string | null,
  session: ConsoleSession,
): Html {
  const v = detail.verdict;
  const reviewed = detail.reviews.at(-1);
  const fact = (label: string, value: Html | string) =>
    html`<div><span class="label">${label}</span><strong>${value}</strong></div>`;
  return html`<h1>Case: ${detail.subject.type} <code>${detail.subject.id}</code></h1>
<p class="muted">Case <code>${detail.id}</code> · ${detail.source} · created ${detail.createdAt} · allegation: <span class="untrusted">${detail.allegation}</span></p>
<div class="verdict" aria-label="Verdict">
${fact("Status", detail.status)}
${
  v
    ? html`${fact("Decision", html`<span class="decision-${v.decision}">${v.decision.replaceAll("_", " ")}</span>`)}
${fact("Risk score", v.risk_score.toFixed(3))}
${fact("Recommended action", v.recommended_action.replaceAll("_", " "))}
${fact("Confidence", pct(v.confidence))}
${fact("Human review", v.needs_human_review ? "needed" : "not needed")}`
    : fact("Verdict", "none yet")
}
${fact("Reviewed by", reviewed ? html`${reviewed.reviewer} (${reviewed.outcome}${reviewed.decision ? ` → ${reviewed.decision}` : ""})` : "nobody yet")}
${fact("Assigned to", assignee ?? "nobody")}
</div>
<form method="post" action="/console/cases/${detail.id}/assign" class="inline">
<input type="hidden" name="_csrf" value="${session.csrfToken}">
<p><button type="submit" class="secondary">Assign to me</button>
<a href="/console/cases/${detail.id}/links">Links of this ${detail.subject.type}</a></p></form>`;
}

export function reviewForm(detail: CaseDetail, session: ConsoleSession, message?: Html): Html {
  if (!detail.verdict || !detail.verdictHash)
    return html`<section id="review"><h2>Review</h2><p>Nothing to review until the case has a verdict.</p></section>`;
  if (!allows(session.role, "review"))
    return html`<section id="review"><h2>Review</h2><p>Your ${session.role} key may read cases but not review them.</p></section>`;
  return html`<section id="review"><h2>Review this verdict</h2>
${message ?? ""}
<form method="post" action="/console/cases/${detail.id}/review">
<input type="hidden" name="_csrf" value="${session.csrfToken}">
<input type="hidden" name="verdict_hash" value="${detail.verdictHash}">
<p class="muted">You are reviewing verdict <code>${detail.verdictHash.slice(0, 16)}…</code>.</p>
<fieldset><legend>Outcome</legend>
<input type="radio" id="r-approve" name="outcome" value="approved" checked> <label for="r-approve" class="inline-label">Approve the decision</label><br>
<input type="radio" id="r-override" name="outcome" value="overridden"> <label for="r-override" class="inline-label">Override it with</label>
<label for="r-decision" class="visually-hidden">Decision that stands instead</label>
<select id="r-decision" name="decision"><option value="">(choose a decision)</option>
${Decision.options.map((d) => html`<option value="${d}">${d.replaceAll("_", " ")}</option>`)}</select>
</fieldset>
<p><label for="r-reason">Reason</label><textarea id="r-reason" name="reason" rows="3" cols="80" required maxlength="4000"></textarea></p>
<p><button type="submit">Record the review</button></p>
</form></section>`;
}
