// The bot's short answers: help, one case's status, a seller's past cases and open
// flags, the review queue, and a finished batch's summary. Ids are shown as code;
// flag reasons and allegations (not written by casehound) are masked and escaped.
import type { CaseSummary } from "../../../db/repositories/case-views.js";
import type { QueueRow } from "../../../db/repositories/console-queue.js";
import type { Flag } from "../../batch/flags.js";
import type { BatchSummary } from "../../batch/results.js";
import { cut, escapeMrkdwn } from "../escape.js";
import type { Mask } from "../mask.js";
import { caseLink, code, context, header, type SlackMessageBody, section } from "./kit.js";

type Link = { publicUrl?: string | undefined };

export function helpMessage(): SlackMessageBody {
  return {
    text: "casehound: what the bot can do",
    blocks: [
      section(
        [
          "*casehound* investigates escalated fraud cases. Commands:",
          "• `/casehound investigate seller:<id> <allegation>` — start an investigation (also `order:<id>`, `buyer:<id>`); analysts only",
          "• `/casehound status <case id>` — where a case stands",
          "• `/casehound seller <id>` — a seller's past cases and verdicts, and open flags",
          "• `/casehound queue` — cases waiting for a human review, oldest first",
          "• `/casehound help` — this message",
          "Mention me with a question about a case or a seller (`@casehound why was seller:S123 flagged?`) for the decision, its top contributions and findings with their evidence.",
          "Verdict messages carry *Approve* and *Override*; a review is bound to the verdict shown.",
        ].join("\n"),
      ),
    ],
  };
}

function caseLine(c: CaseSummary, options: Link): string {
  const verdict = c.decision
    ? `${c.decision}, risk ${c.riskScore?.toFixed(2) ?? "?"}, ${c.recommendedAction ?? "?"}`
    : c.status;
  return `• ${caseLink(c.id, options.publicUrl)} ${c.status}: ${verdict}${c.reviewedAt ? " (reviewed)" : ""} — ${c.createdAt.slice(0, 10)}`;
}

export function statusMessage(c: CaseSummary, mask: Mask, options: Link): SlackMessageBody {
  return {
    text: `casehound: case ${c.id} is ${c.status}`,
    blocks: [
      section(`${c.subject.type} ${code(c.subject.id)}\n${caseLine(c, options)}`),
      context(escapeMrkdwn(mask(cut(c.allegation, 200)))),
    ],
  };
}

export function sellerMessage(
  sellerId: string,
  cases: readonly CaseSummary[],
  flags: readonly Flag[],
  mask: Mask,
  options: Link,
): SlackMessageBody {
  const past = cases.length
    ? cases
        .slice(0, 10)
        .map((c) => caseLine(c, options))
        .join("\n")
    : "no cases";
  const open = flags.length
    ? flags
        .slice(0, 8)
        .map(
          (f) =>
            `• ${escapeMrkdwn(f.source)} ${f.score.toFixed(2)}: ${escapeMrkdwn(mask(cut(f.reason, 200)))}`,
        )
        .join("\n")
    : "none";
  return {
    text: `casehound: seller ${sellerId}`,
    blocks: [
      header(`seller ${sellerId}`),
      section(`*Past cases and verdicts*\n${past}`),
      section(`*Open flags*\n${open}`),
    ],
  };
}

export function queueMessage(
  rows: readonly QueueRow[],
  total: number,
  options: Link,
): SlackMessageBody {
  const lines = rows.map(
    (r) =>
      `• ${caseLink(r.caseId, options.publicUrl)} ${r.subjectType} ${code(r.subjectId)}: ${r.decision ?? "?"}, risk ${r.riskScore?.toFixed(2) ?? "?"} — since ${r.createdAt.slice(0, 16).replace("T", " ")}${r.assignee ? ` (taken by ${escapeMrkdwn(r.assignee)})` : ""}`,
  );
  return {
    text: `casehound: ${total} cases wait for review`,
    blocks: [
      section(
        total === 0
          ? "No case waits for a human review."
          : `*${total} cases wait for a human review* (oldest first${total > rows.length ? `, first ${rows.length}` : ""})\n${lines.join("\n")}`,
      ),
    ],
  };
}

export function batchMessage(
  batchId: string,
  summary: BatchSummary,
  total: number,
  options: Link,
): SlackMessageBody {
  const decisions =
    Object.entries(summary.byDecision)
      .map(([d, n]) => `${d}: ${n}`)
      .join(", ") || "none decided";
  const top = summary.topByRisk
    .slice(0, 5)
    .map(
      (t) =>
        `• ${code(t.subject)} ${t.decision}, risk ${t.riskScore.toFixed(2)} — ${caseLink(t.caseId, options.publicUrl)}`,
    );
  const inconsistent = (summary.clusters ?? []).filter((c) => c.inconsistentNow).length;
  return {
    text: `casehound: batch ${batchId} finished (${total} rows)`,
    blocks: [
      section(`:package: *Batch ${code(batchId)} finished* — ${total} rows; ${decisions}`),
      ...(top.length ? [section(`*Riskiest*\n${top.join("\n")}`)] : []),
      context(
        `${summary.failed.length} failed or refused · ${summary.clusters?.length ?? 0} ring clusters, ${inconsistent} still inconsistent`,
      ),
    ],
  };
}
