// The verdict as a Markdown case report an analyst reads top to bottom: the
// decision, why (findings with their evidence), what speaks against it, how the
// score adds up, what the reflection checked, and where every piece of evidence
// came from. Untrusted text is quoted as data and labelled as such.
import type { Evidence } from "./evidence.js";
import type { Review } from "./review.js";
import type { Finding, Verdict } from "./verdict.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Keeps untrusted text from breaking out of its quote block or forming markup. */
function quoteUntrusted(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").slice(0, max);
  return flat.replace(/[<>`*_[\]|#]/g, (c) => `\\${c}`);
}

function findingLine(finding: Finding, evidence: Map<string, Evidence>): string {
  const cites = finding.evidence_ids
    .map((id) => (evidence.has(id) ? `\`${id}\`` : `\`${id}\` (missing!)`))
    .join(", ");
  const weight =
    finding.weight === 0
      ? ""
      : ` (${finding.weight > 0 ? "+" : ""}${finding.weight.toFixed(2)} log-odds, ${finding.strength})`;
  return `- ${finding.claim}${weight} — evidence ${cites}`;
}

function evidenceLine(e: Evidence): string {
  const label = e.untrusted ? " **[untrusted]**" : "";
  const params = e.source.params.length
    ? ` with ${JSON.stringify(e.source.params).slice(0, 120)}`
    : "";
  const summary = e.untrusted ? quoteUntrusted(e.summary) : e.summary;
  return `- \`${e.id}\` ${e.kind}${label} via ${e.source.via}${params}: ${summary}`;
}

export function renderReport(verdict: Verdict, evidence: readonly Evidence[]): string {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const lines: string[] = [];
  const top = verdict.typologies[0];
  lines.push(`# Case ${verdict.case_id}: ${verdict.subject.type} ${verdict.subject.id}`);
  lines.push("");
  lines.push(
    `**Decision: ${verdict.decision}**${top && verdict.decision !== "not_fraud" && verdict.decision !== "insufficient_evidence" ? ` — ${top.typology}` : ""}  `,
  );
  lines.push(
    `Risk score ${verdict.risk_score.toFixed(3)} · confidence ${pct(verdict.confidence)} · recommended action **${verdict.recommended_action}** · human review ${verdict.needs_human_review ? "**needed**" : "not needed"}  `,
  );
  lines.push(
    `Mode ${verdict.mode} · as of ${verdict.as_of} · ${verdict.evidence_count} pieces of evidence`,
  );
  if (verdict.reason) lines.push("", `> ${verdict.reason}`);
  if (verdict.partial)
    lines.push(
      "",
      `> **Partial verdict:** the ${verdict.partial.budget} budget ran out (${verdict.partial.detail}); it rests on what was gathered until then.`,
    );

  if (verdict.typologies.length) {
    lines.push("", "## Typologies", "", "| typology | probability |", "|---|---|");
    for (const t of verdict.typologies) lines.push(`| ${t.typology} | ${pct(t.confidence)} |`);
  }
  lines.push("", "## Findings", "");
  lines.push(
    ...(verdict.findings.length ? verdict.findings.map((f) => findingLine(f, byId)) : ["- none"]),
  );
  lines.push("", "## Counter-evidence", "");
  lines.push(
    ...(verdict.counter_evidence.length
      ? verdict.counter_evidence.map((f) => findingLine(f, byId))
      : ["- none"]),
  );
  if (verdict.guidance.length) {
    lines.push("", "## Guidance followed (knowledge base)", "");
    lines.push(...verdict.guidance.map((g) => `- \`${g.evidence_id}\` ${g.heading} (${g.doc_id})`));
  }
  if (verdict.manipulation_attempts.length) {
    lines.push("", "## Manipulation attempts (recorded, never obeyed)", "");
    lines.push(
      ...verdict.manipulation_attempts.map(
        (m) => `- \`${m.evidence_id}\` ${m.summary.slice(0, 300)}`,
      ),
    );
  }
  lines.push("", "## How the score adds up", "");
  lines.push(...verdict.reasoning.map((step) => `- ${step}`));
  lines.push("", "## Reflection", "");
  lines.push(verdict.reflection.passed ? "- every check passed" : "- checks that did not pass:");
  lines.push(...verdict.reflection.issues.map((issue) => `  - ${issue}`));
  lines.push("", "## Evidence", "");
  lines.push(...evidence.map(evidenceLine));
  const u = verdict.budgets_used;
  lines.push("", "## Run", "");
  lines.push(
    `- ${u.iterations} planning rounds, ${u.sql_queries} SQL queries, ${u.rows} rows, ${u.web_calls} searches, ${u.wall_ms} ms`,
  );
  lines.push(
    `- time per step (ms): ${Object.entries(verdict.timings)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  return `${lines.join("\n")}\n`;
}

/** The analysts' reviews as a report section (empty when there are none). */
export function renderReviews(reviews: readonly Review[]): string {
  if (reviews.length === 0) return "";
  const lines = ["", "## Reviews", ""];
  for (const r of reviews) {
    const what = r.outcome === "approved" ? "approved" : `overrode it to **${r.decision}**`;
    lines.push(
      `- ${r.createdAt}: ${quoteUntrusted(r.reviewer, 200)} ${what} (verdict \`${r.verdictHash.slice(0, 16)}…\`): ${quoteUntrusted(r.reason, 1000)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
