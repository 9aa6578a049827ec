// What the verdict says and why: findings and counter-evidence (each citing its
// evidence by a link to the evidence table), the reflection, manipulation attempts
// (untrusted text, shown as text) and what would change the decision.
import type { Finding, Verdict } from "../../domain/verdict.js";
import { type Html, html } from "./html.js";

function finding(f: Finding, known: ReadonlySet<string>): Html {
  const weight =
    f.weight === 0
      ? ""
      : ` (${f.weight > 0 ? "+" : ""}${f.weight.toFixed(2)} log-odds, ${f.strength})`;
  return html`<li>${f.claim}${weight} — evidence ${f.evidence_ids.map(
    (id, i) =>
      html`${i ? ", " : ""}${known.has(id) ? html`<a href="#${id}"><code>${id}</code></a>` : html`<code>${id}</code> (missing!)`}`,
  )}</li>`;
}

const list = (items: Html[], none: string) =>
  items.length ? html`<ul>${items}</ul>` : html`<p class="muted">${none}</p>`;

export function findingsSections(verdict: Verdict, known: ReadonlySet<string>): Html {
  const counterfactuals = verdict.counterfactuals.map(
    (c) =>
      html`<li>${c.statement}: a move of ${c.spreads.toFixed(2)} category spreads (to ${c.to.replaceAll("_", " ")}) — <a href="#${c.evidence_id}"><code>${c.evidence_id}</code></a></li>`,
  );
  return html`<section id="findings"><h2>Findings</h2>
${list(
  verdict.findings.map((f) => finding(f, known)),
  "No finding.",
)}</section>
<section id="counter-evidence"><h2>Counter-evidence</h2>
${list(
  verdict.counter_evidence.map((f) => finding(f, known)),
  "None.",
)}</section>
<section id="reflection"><h2>Reflection</h2>
<p>${verdict.reflection.passed ? "Every check passed." : "Checks that did not pass:"}</p>
${list(
  verdict.reflection.issues.map((i) => html`<li>${i}</li>`),
  "No issue raised.",
)}</section>
<section id="manipulation"><h2>Manipulation attempts (recorded, never obeyed)</h2>
${list(
  verdict.manipulation_attempts.map(
    (m) =>
      html`<li><a href="#${m.evidence_id}"><code>${m.evidence_id}</code></a> <span class="untrusted">${m.summary}</span></li>`,
  ),
  "None found.",
)}</section>
${verdict.counterfactuals.length ? html`<section id="counterfactuals"><h2>What would change the decision</h2><ul>${counterfactuals}</ul></section>` : ""}
<section id="reasoning"><h2>Reasoning steps</h2>
<details><summary>${verdict.reasoning.length} steps</summary><ol>${verdict.reasoning.map((r) => html`<li>${r}</li>`)}</ol></details></section>`;
}
