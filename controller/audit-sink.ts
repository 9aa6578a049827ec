// Where the graph's nodes write the audit trail. Every event carries a step key
// (run, node, round, task, n) so a step that runs again writes nothing new. The
// in-memory sink keeps the chain for runs that are not stored (eval, tests); the
// case store's sink (db/repositories/audit.ts) appends to casehound.audit_events.
import { type AuditEvent, type AuditEventDraft, chainEvent } from "../domain/audit.js";

export interface AuditSink {
  /** Appends the event once per step key; returns the event (new or already written). */
  record(stepKey: string, draft: AuditEventDraft): Promise<AuditEvent>;
  /** The hash of the latest event, or null before the first. */
  head(): Promise<string | null>;
}

export function createMemoryAuditSink(caseId: string): AuditSink & { events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  const byStep = new Map<string, AuditEvent>();
  return {
    events,
    async record(stepKey, draft) {
      const done = byStep.get(stepKey);
      if (done) return done;
      const event = chainEvent(caseId, events.at(-1) ?? null, draft);
      events.push(event);
      byStep.set(stepKey, event);
      return event;
    },
    async head() {
      return events.at(-1)?.hash ?? null;
    },
  };
}
