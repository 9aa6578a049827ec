// Where a case's parts live in the API, added to every case the API returns.
import type { CaseSummary } from "../../db/repositories/case-views.js";

export function caseLinks(caseId: string): Record<string, string> {
  const self = `/v1/cases/${encodeURIComponent(caseId)}`;
  return {
    self,
    evidence: `${self}/evidence`,
    audit: `${self}/audit`,
    report: `${self}/report`,
    events: `${self}/events`,
    reviews: `${self}/reviews`,
  };
}

export function withLinks<T extends CaseSummary>(view: T): T & { links: Record<string, string> } {
  return { ...view, links: caseLinks(view.id) };
}
