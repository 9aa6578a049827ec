// Writes a node's audit events. The step key (run, node, round, part, n) makes each
// write idempotent, so a step that runs again after a crash appends nothing new.
import type { AuditKind } from "../../domain/audit.js";
import type { Evidence } from "../../domain/evidence.js";
import type { InvestigationDeps } from "../deps.js";

export type StepRecorder = (kind: AuditKind, payload: Record<string, unknown>) => Promise<void>;

export function stepRecorder(
  deps: InvestigationDeps,
  node: string,
  round: number,
  part: string | number = 0,
  actor = "controller",
): StepRecorder {
  let n = 0;
  return async (kind, payload) => {
    n++;
    await deps.audit.record(`${deps.runId}:${node}:${round}:${part}:${n}`, {
      at: deps.now().toISOString(),
      actor,
      kind,
      payload,
    });
  };
}

/**
 * Records several events of one step, in order, without waiting for each before the
 * next: the stored sink writes them together (db/group-commit.ts), one transaction
 * instead of one per event. Step keys and order are exactly as if awaited one by one.
 */
export async function recordAll(
  record: StepRecorder,
  events: readonly (readonly [AuditKind, Record<string, unknown>])[],
): Promise<void> {
  await Promise.all(events.map(([kind, payload]) => record(kind, payload)));
}

/** The audit form of a piece of evidence: what it is and its content hash, not its rows. */
export function evidenceEvent(e: Evidence): Record<string, unknown> {
  return {
    evidence_id: e.id,
    kind: e.kind,
    via: e.source.via,
    summary: e.summary,
    content_hash: e.content_hash,
    untrusted: e.untrusted,
  };
}
