// A case page: the verdict header, the score breakdown, findings and what speaks
// against them, the evidence, the audit timeline with its verification and replay,
// and the review form.
import type { ConsoleSession } from "../../db/repositories/console-sessions.js";
import { replayResult, timeline, verificationBadge } from "./case-audit.js";
import { breakdownSection } from "./case-breakdown.js";
import { evidenceSection } from "./case-evidence.js";
import { findingsSections } from "./case-findings.js";
import { reviewForm, verdictHeader } from "./case-header.js";
import type { CaseView } from "./case-view.js";
import { type Html, html } from "./html.js";
import { page } from "./layout.js";

export function casePage(view: CaseView, session: ConsoleSession, message?: Html): string {
  const { detail, evidence, events } = view;
  const v = detail.verdict;
  const known = new Set(evidence.map((e) => e.id));
  const decided = v !== null;
  return page(
    { title: `Case ${detail.subject.id}`, session, scripts: ["/console/assets/chart.umd.min.js"] },
    html`${verdictHeader(detail, view.assignee, session)}
${v?.reason ? html`<p class="message error">${v.reason}</p>` : ""}
${v?.partial ? html`<p class="message error">Partial verdict: the ${v.partial.budget} budget ran out (${v.partial.detail}).</p>` : ""}
<div class="cols"><div>
${v ? breakdownSection(v) : ""}
${v ? findingsSections(v, known) : html`<p>The case is ${detail.status}; its verdict will appear here.</p>`}
</div><aside>
${reviewForm(detail, session, message)}
<section id="audit"><h2>Audit chain</h2>
${verificationBadge(detail.id, null)}
${decided ? replayResult(detail.id, null) : ""}
<h3>Timeline</h3>
${timeline(detail.id, detail.status, events)}
</section>
</aside></div>
${evidenceSection(evidence)}`,
  );
}
