// How the batch commands print: a progress line (a bar on a terminal), the status
// of a batch, its results as CSV or JSON lines, and the summary once it finishes
// (with its ring clusters and the re-investigations they sent back).
import type { BatchProgress, BatchResultRow } from "../domain/batch.js";
import { csvLine } from "../server/batch/csv.js";
import type { BatchSummary } from "../server/batch/results.js";
import type { BatchView } from "../server/batch/view.js";
import { table } from "./format.js";

const SHOWN: readonly (keyof BatchProgress["counts"])[] = [
  "decided",
  "reviewed",
  "failed",
  "rejected",
  "cancelled",
  "running",
  "queued",
  "pending",
];

function counts(progress: BatchProgress): string {
  return SHOWN.filter((state) => progress.counts[state] > 0)
    .map((state) => `${state} ${progress.counts[state]}`)
    .join(", ");
}

function pace(progress: BatchProgress): string {
  const rate = progress.casesPerSecond === null ? "" : `${progress.casesPerSecond} cases/s`;
  const eta =
    progress.finished || progress.etaSeconds === null
      ? ""
      : `ETA ${Math.ceil(progress.etaSeconds)} s`;
  return [rate, eta].filter(Boolean).join(", ");
}

/** One plain line of progress. */
export function progressLine(view: BatchView): string {
  const p = view.progress;
  const rest = pace(p);
  return `batch ${view.id}: ${p.done}/${p.total} settled (${counts(p)})${rest ? `; ${rest}` : ""}`;
}

/** A progress bar for a terminal (redrawn in place). */
export function progressBar(view: BatchView, width = 30): string {
  const p = view.progress;
  const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
  const rest = pace(p);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total} ${counts(p)}${rest ? ` · ${rest}` : ""}`;
}

function originText(view: BatchView): string {
  const o = view.origin;
  if (o.kind === "file") return `file ${o.name} (${o.format})`;
  if (o.kind === "subjects") return "a list of subjects";
  const { kind: _k, ...criteria } = o;
  return `flagged sellers ${JSON.stringify(criteria)}`;
}

export function statusText(view: BatchView): string {
  const p = view.progress;
  return [
    `batch ${view.id}`,
    `  from:      ${originText(view)}`,
    `  created:   ${view.createdAt} by ${view.createdBy}`,
    ...(view.cancelledAt ? [`  cancelled: ${view.cancelledAt}`] : []),
    `  cases:     ${p.total} — ${counts(p) || "none"}`,
    `  state:     ${p.finished ? "finished" : "in progress"}${pace(p) ? ` (${pace(p)})` : ""}`,
    ...(view.clusters
      ? [
          `  clusters:  ${view.clusters.length} ring cluster(s), ${view.clusters.filter((c) => c.inconsistent).length} inconsistent`,
        ]
      : []),
  ].join("\n");
}

export function summaryText(view: BatchView, summary: BatchSummary): string {
  const p = view.progress;
  const lines = [
    `batch ${view.id} finished: ${p.total} cases — ${counts(p) || "none"}${pace(p) ? ` (${pace(p)})` : ""}`,
  ];
  const decisions = Object.entries(summary.byDecision)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([decision, n]) => `${decision} ${n}`);
  lines.push(`decisions: ${decisions.join(", ") || "none yet"}`);
  if (summary.failed.length > 0) {
    lines.push(`failed (${summary.failed.length}):`);
    for (const f of summary.failed)
      lines.push(`  ${f.subject} ${f.state}${f.caseId ? ` (case ${f.caseId})` : ""}: ${f.reason}`);
  }
  if (summary.topByRisk.length > 0) {
    lines.push("top subjects by risk:");
    lines.push(
      table(
        ["subject", "decision", "risk", "case"],
        summary.topByRisk.map((t) => [t.subject, t.decision, t.riskScore.toFixed(3), t.caseId]),
      ),
    );
  }
  lines.push(...clusterLines(summary));
  return lines.join("\n");
}

/** The ring clusters: members, what binds them, and the re-investigations with their outcome. */
export function clusterLines(summary: BatchSummary): string[] {
  const clusters = summary.clusters;
  if (clusters === null) return ["ring clusters: not computed yet (the batch has not finished)"];
  if (clusters.length === 0)
    return [
      "ring clusters: none (no sellers share rare devices, IPs, payout accounts or addresses)",
    ];
  const lines = [`ring clusters (${clusters.length}):`];
  for (const c of clusters) {
    const flag = c.inconsistent
      ? c.inconsistentNow
        ? "INCONSISTENT, still after re-review"
        : "INCONSISTENT at first, consistent after re-review"
      : "consistent";
    lines.push(
      `  ${c.id} — ${c.members.length} sellers, strength ${c.strength.toFixed(2)}, ${flag}`,
    );
    lines.push(
      `    members: ${c.members.map((m) => `${m} (${c.decisions[m] ?? "undecided"})`).join(", ")}`,
    );
    const shown = c.bindings.slice(0, 5).map((b) => `${b.kind} ${b.value} (degree ${b.degree})`);
    const more = c.bindings.length > 5 ? `, and ${c.bindings.length - 5} more` : "";
    lines.push(`    bound by: ${shown.join(", ")}${more}`);
    for (const r of c.reinvestigations)
      lines.push(
        `    re-investigated ${r.subject}: ${r.originalDecision ?? "undecided"} (case ${r.reviewOf}) -> ${r.decision ?? r.state}${r.caseId ? ` (case ${r.caseId})` : ""}`,
      );
  }
  return lines;
}

export const RESULT_COLUMNS = [
  "position",
  "subject",
  "state",
  "decision",
  "typology",
  "risk_score",
  "recommended_action",
  "needs_review",
  "case_id",
  "verdict_hash",
  "reason",
  "cluster",
  "review_of",
] as const;

export function resultCsvLine(row: BatchResultRow): string {
  return csvLine([
    row.position,
    row.subject,
    row.state,
    row.decision,
    row.typology,
    row.riskScore,
    row.recommendedAction,
    row.needsReview,
    row.caseId,
    row.verdictHash,
    row.reason,
    row.cluster,
    row.reviewOf,
  ]);
}
