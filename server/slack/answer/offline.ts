// The answer to a question about a case, from the stored case alone (no model): its
// decision, the indicators that contributed most to the score, the top findings with
// the evidence they cite, and where the full report is. With a model, its short
// answer (answer/llm.ts, checked against the evidence) is put in front of this.
import type { CaseDetail } from "../../../db/repositories/case-views.js";
import type { Evidence } from "../../../domain/evidence.js";
import { caseLink, code, context, type SlackMessageBody, section } from "../blocks/kit.js";
import { findingText, topFindings } from "../blocks/verdict.js";
import { escapeMrkdwn } from "../escape.js";
import type { Mask } from "../mask.js";

/** The indicators that moved the leading typology's score most, strongest first. */
export function topContributions(detail: CaseDetail, n = 3) {
  const lead = [...(detail.verdict?.assessments ?? [])].sort(
    (a, b) => b.probability - a.probability,
  )[0];
  if (!lead) return { typology: null, contributions: [] };
  return {
    typology: lead.typology,
    contributions: [...lead.contributions]
      .sort((a, b) => Math.abs(b.log_odds) - Math.abs(a.log_odds))
      .slice(0, n),
  };
}

export function reportLink(caseId: string, publicUrl: string | undefined): string {
  return publicUrl
    ? caseLink(caseId, publicUrl)
    : `${code(`GET /v1/cases/${caseId}/report`)} or ${code(`casehound audit ${caseId}`)}`;
}

export function offlineAnswer(
  detail: CaseDetail,
  evidence: readonly Evidence[],
  options: { mask: Mask; publicUrl?: string | undefined; lead?: string },
): SlackMessageBody {
  const { mask } = options;
  const verdict = detail.verdict;
  const subject = `${detail.subject.type} ${code(detail.subject.id)}`;
  if (!verdict)
    return {
      text: `casehound: ${detail.subject.type} ${detail.subject.id} — ${detail.status}`,
      blocks: [
        section(
          `${subject}: case ${caseLink(detail.id, options.publicUrl)} is ${detail.status}; no verdict yet.`,
        ),
      ],
    };
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const { typology, contributions } = topContributions(detail);
  const contributionLines = contributions.map(
    (c) =>
      `• ${code(c.indicator)} = ${c.value === null ? "no data" : Number(c.value.toFixed(4))} (${c.log_odds >= 0 ? "+" : ""}${c.log_odds.toFixed(2)} log-odds, ${code(c.evidence_id)})`,
  );
  const findings = topFindings(verdict).map((f) => findingText(f, byId, mask));
  return {
    text: `casehound: ${detail.subject.type} ${detail.subject.id}: ${verdict.decision}`,
    blocks: [
      ...(options.lead ? [section(options.lead)] : []),
      section(
        `${subject}: *${verdict.decision}* (risk ${verdict.risk_score.toFixed(2)}, ${verdict.recommended_action})${detail.reviews.length ? `; reviewed: ${escapeMrkdwn(detail.reviews.at(-1)?.outcome ?? "")}` : ""}`,
      ),
      ...(contributionLines.length
        ? [section(`*Top contributions* (${typology})\n${contributionLines.join("\n")}`)]
        : []),
      section(`*Findings*\n${findings.join("\n") || "none"}`),
      context(`Report: ${reportLink(detail.id, options.publicUrl)}`),
    ],
  };
}
