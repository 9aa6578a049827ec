// A case as its Slack message, read from the store through the same use cases the
// console reads (case views, latest verdict with its evidence, the audit chain):
// the progress message while it is queued or running, the verdict message once
// decided or reviewed.
import { readAuditChain } from "../../db/repositories/audit.js";
import { type CaseDetail, getCaseDetail } from "../../db/repositories/case-views.js";
import { latestVerdict } from "../../db/repositories/runs.js";
import type { Queryable } from "../../db/types.js";
import type { SlackMessageBody } from "./blocks/kit.js";
import { progressMessage, progressOf } from "./blocks/progress.js";
import { verdictMessage } from "./blocks/verdict.js";
import type { Masks } from "./mask.js";

export interface RenderedCase {
  detail: CaseDetail;
  message: SlackMessageBody;
  /** True once nothing more will change the message but a review. */
  settled: boolean;
}

export async function renderCase(
  db: Queryable,
  masks: Masks,
  caseId: string,
  options: { requestedBy: string; publicUrl?: string | undefined },
): Promise<RenderedCase | null> {
  const detail = await getCaseDetail(db, caseId);
  if (!detail) return null;
  const mask = await masks.forCase(caseId);
  if (detail.verdict && (detail.status === "decided" || detail.status === "reviewed")) {
    const decided = await latestVerdict(db, caseId);
    return {
      detail,
      message: verdictMessage(detail, decided?.evidence ?? [], {
        mask,
        publicUrl: options.publicUrl,
      }),
      settled: true,
    };
  }
  const events = await readAuditChain(db, caseId);
  return {
    detail,
    message: progressMessage(detail, progressOf(events), { mask, ...options }),
    settled: detail.status === "failed" || detail.status === "cancelled",
  };
}
