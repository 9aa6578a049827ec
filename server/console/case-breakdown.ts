// Per typology, how the score adds up: the bias and each indicator's log-odds
// contribution (they sum exactly to the typology's log-odds), drawn as bars by
// Chart.js from data the page carries, and the same numbers as a table — the table is
// what a screen reader reads and what a browser without scripts shows.
import type { TypologyAssessment, Verdict } from "../../domain/verdict.js";
import { type Html, html, jsonData } from "./html.js";

const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

function one(a: TypologyAssessment, index: number): Html {
  const id = `breakdown-${index}`;
  const terms = [
    {
      label: "bias (prior)",
      value: a.bias,
      evidence: null as string | null,
      reading: null as number | null,
    },
    ...a.contributions.map((c) => ({
      label: c.indicator,
      value: c.log_odds,
      evidence: c.evidence_id,
      reading: c.value,
    })),
  ];
  return html`<section class="breakdown" aria-labelledby="${id}-h">
<h3 id="${id}-h">${a.typology.replaceAll("_", " ")}: probability ${(a.probability * 100).toFixed(1)}% (log-odds ${signed(a.log_odds)})</h3>
${jsonData(`${id}-data`, { labels: terms.map((t) => t.label), values: terms.map((t) => t.value) })}
<div class="chart-box"><canvas data-breakdown="${id}-data" role="img" aria-label="Bar chart of the ${a.typology} contributions; the table below lists the same numbers"></canvas></div>
<table class="contributions">
<caption class="visually-hidden">${a.typology} contributions</caption>
<thead><tr><th scope="col">Term</th><th scope="col" class="num">Reading</th><th scope="col" class="num">Log-odds</th><th scope="col">Evidence</th></tr></thead>
<tbody>${terms.map(
    (
      t,
    ) => html`<tr><td>${t.label}</td><td class="num">${t.reading === null ? "—" : String(Number(t.reading.toPrecision(4)))}</td>
<td class="num">${signed(t.value)}</td><td>${t.evidence ? html`<a href="#${t.evidence}"><code>${t.evidence}</code></a>` : "—"}</td></tr>`,
  )}
<tr><th scope="row">sum</th><td></td><td class="num"><strong>${signed(a.log_odds)}</strong></td><td></td></tr>
</tbody></table>
</section>`;
}

export function breakdownSection(verdict: Verdict): Html {
  if (verdict.assessments.length === 0)
    return html`<section><h2>How the score adds up</h2><p>No typology was scored.</p></section>`;
  return html`<section id="breakdown"><h2>How the score adds up</h2>
<p class="muted">Each typology's log-odds is its bias plus one contribution per indicator (an additive model: the contributions add up exactly).</p>
${verdict.assessments.map(one)}
</section>`;
}
