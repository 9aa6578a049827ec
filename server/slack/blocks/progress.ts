// The message of an investigation while it runs: who asked, what about, and how far
// the run has got (its status, the last step of its audit chain, evidence so far).
// It is replaced by the verdict message when the verdict lands (or by the failure).
import type { CaseSummary } from "../../../db/repositories/case-views.js";
import type { AuditEvent } from "../../../domain/audit.js";
import { escapeMrkdwn, quoteUntrusted } from "../escape.js";
import type { Mask } from "../mask.js";
import { caseLink, code, context, type SlackMessageBody, section } from "./kit.js";

export interface RunProgress {
  /** Events in the case's audit chain so far. */
  events: number;
  /** Evidence items added so far. */
  evidence: number;
  /** The kind of the latest event (plan, sql_executed, reasoning…). */
  lastStep: string | null;
}

export function progressOf(events: readonly AuditEvent[]): RunProgress {
  return {
    events: events.length,
    evidence: events.filter((e) => e.kind === "evidence_added").length,
    lastStep: events.at(-1)?.kind ?? null,
  };
}

const STATUS_LINE: Record<string, string> = {
  queued: ":hourglass_flowing_sand: Queued",
  running: ":mag: Investigating",
  failed: ":x: The investigation failed",
  cancelled: ":no_entry_sign: Cancelled",
};

export function progressMessage(
  summary: CaseSummary,
  progress: RunProgress,
  options: { mask: Mask; requestedBy: string; publicUrl?: string | undefined },
): SlackMessageBody {
  const subject = `${summary.subject.type} ${code(summary.subject.id)}`;
  const status = STATUS_LINE[summary.status] ?? escapeMrkdwn(summary.status);
  const step =
    summary.status === "running" && progress.lastStep
      ? ` — step ${code(progress.lastStep)}, ${progress.evidence} evidence so far`
      : "";
  const failure =
    summary.status === "failed" && summary.error
      ? `\n${escapeMrkdwn(options.mask(summary.error.slice(0, 500)))}`
      : "";
  return {
    text: `casehound: ${summary.subject.type} ${summary.subject.id} — ${summary.status}`,
    blocks: [
      section(`${status} ${subject}${step}${failure}`),
      section(`*Allegation*\n${quoteUntrusted(options.mask(summary.allegation), 300)}`),
      context(
        `${caseLink(summary.id, options.publicUrl)} · asked by <@${options.requestedBy}> · ${progress.events} audit events`,
      ),
    ],
  };
}
