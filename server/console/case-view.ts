// Everything a case page shows, read in one place: the case with its latest verdict
// and reviews, that verdict's evidence, the audit chain and the assignee.
import { readAuditChain } from "../../db/repositories/audit.js";
import { assigneeOf } from "../../db/repositories/case-assignments.js";
import { type CaseDetail, getCaseDetail } from "../../db/repositories/case-views.js";
import { latestVerdict } from "../../db/repositories/runs.js";
import type { Queryable } from "../../db/types.js";
import type { AuditEvent } from "../../domain/audit.js";
import type { Evidence } from "../../domain/evidence.js";

export interface CaseView {
  detail: CaseDetail;
  evidence: Evidence[];
  events: AuditEvent[];
  assignee: string | null;
}

export async function loadCaseView(db: Queryable, caseId: string): Promise<CaseView | null> {
  const detail = await getCaseDetail(db, caseId);
  if (!detail) return null;
  const [decided, events, assignee] = await Promise.all([
    latestVerdict(db, caseId),
    readAuditChain(db, caseId),
    assigneeOf(db, caseId),
  ]);
  return { detail, evidence: decided?.evidence ?? [], events, assignee };
}
