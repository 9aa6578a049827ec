// The verdict message: decision, risk score and action, the top three findings with
// the evidence they cite, what would change the decision, and Approve / Override
// buttons bound to the hash of the verdict shown. Once reviewed, the buttons give
// way to who reviewed it. Everything not written by casehound is masked (PII) and
// escaped; evidence marked untrusted (seller-written text, web pages) is quoted.
import type { types } from "@slack/bolt";
import type { CaseDetail } from "../../../db/repositories/case-views.js";
import type { Evidence } from "../../../domain/evidence.js";
import type { Finding, Verdict } from "../../../domain/verdict.js";
import { cut, escapeMrkdwn, quoteUntrusted } from "../escape.js";
import type { Mask } from "../mask.js";
import {
  type Block,
  caseLink,
  code,
  context,
  divider,
  fields,
  header,
  type SlackMessageBody,
  section,
} from "./kit.js";

export const APPROVE_ACTION = "casehound_approve";
export const OVERRIDE_ACTION = "casehound_override";

/** What the buttons carry: the case and the hash of the verdict the message shows. */
export interface ReviewTarget {
  caseId: string;
  verdictHash: string;
}

export const encodeTarget = (t: ReviewTarget) => JSON.stringify({ c: t.caseId, h: t.verdictHash });

export function decodeTarget(value: string | undefined): ReviewTarget | null {
  try {
    const parsed = JSON.parse(value ?? "") as { c?: unknown; h?: unknown };
    if (typeof parsed.c !== "string" || typeof parsed.h !== "string") return null;
    if (!/^[0-9a-f]{64}$/.test(parsed.h)) return null;
    return { caseId: parsed.c, verdictHash: parsed.h };
  } catch {
    return null;
  }
}

const DECISION_ICON: Record<string, string> = {
  fraud: ":red_circle:",
  suspicious: ":large_orange_circle:",
  not_fraud: ":large_green_circle:",
  insufficient_evidence: ":white_circle:",
};

/** The findings that moved the score most, strongest first. */
export function topFindings(verdict: Verdict, n = 3): Finding[] {
  return [...verdict.findings].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, n);
}

function evidenceLine(e: Evidence | undefined, id: string, mask: Mask): string {
  if (!e) return `${code(id)} (not in the case's evidence)`;
  const summary = mask(cut(e.summary, 280));
  return e.untrusted
    ? `${code(e.id)} ${e.kind}, untrusted text:\n${quoteUntrusted(summary, 280)}`
    : `${code(e.id)} ${e.kind}: ${escapeMrkdwn(summary)}`;
}

export function findingText(f: Finding, evidence: Map<string, Evidence>, mask: Mask): string {
  const sign = f.weight >= 0 ? "+" : "";
  const cited = f.evidence_ids
    .slice(0, 2)
    .map((id) => evidenceLine(evidence.get(id), id, mask))
    .join("\n");
  return `• ${escapeMrkdwn(mask(cut(f.claim, 400)))} _(${f.strength}, ${sign}${f.weight.toFixed(2)} log-odds)_\n${cited}`;
}

function reviewedLine(detail: CaseDetail, mask: Mask): string | null {
  const review = detail.reviews.at(-1);
  if (!review) return null;
  const who = /^slack:[A-Z0-9]+:([UW][A-Z0-9]+)/.exec(review.reviewer)?.[1];
  const by = who ? `<@${who}>` : escapeMrkdwn(review.reviewer);
  const what =
    review.outcome === "approved"
      ? ":white_check_mark: *Approved*"
      : `:leftwards_arrow_with_hook: *Overridden to ${review.decision ?? "?"}*`;
  return `${what} by ${by} — ${escapeMrkdwn(mask(cut(review.reason, 300)))}`;
}

export function verdictMessage(
  detail: CaseDetail,
  evidence: readonly Evidence[],
  options: { mask: Mask; publicUrl?: string | undefined },
): SlackMessageBody {
  const { mask } = options;
  const verdict = detail.verdict;
  const subject = `${detail.subject.type} ${detail.subject.id}`;
  if (!verdict || !detail.verdictHash)
    return {
      text: `casehound: ${subject} has no verdict`,
      blocks: [section(`${caseLink(detail.id, options.publicUrl)} has no verdict yet.`)],
    };
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const typology = verdict.typologies[0];
  const blocks: Block[] = [
    header(`${subject}: ${verdict.decision.replace(/_/g, " ")}`),
    fields([
      ["Decision", `${DECISION_ICON[verdict.decision] ?? ""} ${verdict.decision}`],
      ["Risk score", verdict.risk_score.toFixed(2)],
      ["Recommended action", verdict.recommended_action],
      ["Typology", typology ? `${typology.typology} (${typology.confidence.toFixed(2)})` : "none"],
    ]),
    section(`*Allegation*\n${quoteUntrusted(mask(detail.allegation), 300)}`),
  ];
  const top = topFindings(verdict);
  blocks.push(
    section(
      top.length
        ? `*Top findings*\n${top.map((f) => findingText(f, byId, mask)).join("\n")}`
        : `*Top findings*\nnone${verdict.reason ? ` — ${escapeMrkdwn(mask(verdict.reason))}` : ""}`,
    ),
  );
  const counterfactual = verdict.counterfactuals[0];
  if (counterfactual)
    blocks.push(
      section(
        `*What would change the decision*\n${escapeMrkdwn(mask(cut(counterfactual.statement, 500)))}`,
      ),
    );
  blocks.push(
    context(
      `${caseLink(detail.id, options.publicUrl)} · verdict ${code(detail.verdictHash.slice(0, 12))} · ${verdict.mode}${verdict.needs_human_review ? " · needs human review" : ""}${verdict.partial ? ` · partial (${escapeMrkdwn(verdict.partial.budget)})` : ""}`,
    ),
  );
  const reviewed = reviewedLine(detail, mask);
  blocks.push(divider);
  if (reviewed) blocks.push(section(reviewed));
  else blocks.push(reviewButtons({ caseId: detail.id, verdictHash: detail.verdictHash }));
  return {
    text: `casehound: ${subject}: ${verdict.decision} (risk ${verdict.risk_score.toFixed(2)}, ${verdict.recommended_action})`,
    blocks,
  };
}

function reviewButtons(target: ReviewTarget): types.ActionsBlock {
  const value = encodeTarget(target);
  return {
    type: "actions",
    block_id: "casehound_review",
    elements: [
      {
        type: "button",
        action_id: APPROVE_ACTION,
        style: "primary",
        text: { type: "plain_text", text: "Approve" },
        value,
      },
      {
        type: "button",
        action_id: OVERRIDE_ACTION,
        style: "danger",
        text: { type: "plain_text", text: "Override" },
        value,
      },
    ],
  };
}
