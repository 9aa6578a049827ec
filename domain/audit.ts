// The audit chain: each case's events form a hash chain,
//
//   hash = sha256(prev_hash ‖ canonical JSON of {case_id, seq, at, actor, kind, payload})
//
// so changing, removing, reordering or inserting any event breaks every link after
// it. Verification recomputes the chain and names the first broken link.
import { z } from "zod";
import { canonicalJson, sha256Hex } from "./canonical-json.js";

export const AuditKind = z.enum([
  "case_created",
  "run_started",
  "run_resumed",
  "plan",
  "task_dispatched",
  "sql_executed",
  "search_executed",
  // claims a web-search model made that its cited result does not support
  "claims_rejected",
  "llm_call",
  "evidence_added",
  "reasoning",
  "reflection",
  "verdict",
  "run_failed",
  "review",
  // a queued case of a cancelled batch: it will never run
  "case_cancelled",
  // an analyst took the case in the console (who works it, not what was decided)
  "case_assigned",
]);
export type AuditKind = z.infer<typeof AuditKind>;

/** The hash a chain starts from (no previous event). */
export const GENESIS = "0".repeat(64);

export const AuditEvent = z.object({
  case_id: z.string().min(1),
  seq: z.number().int().min(1),
  at: z.iso.datetime({ offset: true }),
  actor: z.string().min(1),
  kind: AuditKind,
  payload: z.record(z.string(), z.unknown()),
  prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export type AuditEventDraft = Pick<AuditEvent, "actor" | "kind" | "payload"> & { at: string };

/** Timestamps are hashed as UTC ISO with milliseconds, whatever form they were stored in. */
function normaliseAt(at: string): string {
  return new Date(at).toISOString();
}

export function eventHash(prevHash: string, event: Omit<AuditEvent, "prev_hash" | "hash">): string {
  const body = canonicalJson({
    case_id: event.case_id,
    seq: event.seq,
    at: normaliseAt(event.at),
    actor: event.actor,
    kind: event.kind,
    payload: event.payload,
  });
  return sha256Hex(`${prevHash}${body}`);
}

/** The next event of a chain whose last event is `last` (or none). */
export function chainEvent(
  caseId: string,
  last: Pick<AuditEvent, "seq" | "hash"> | null,
  draft: AuditEventDraft,
): AuditEvent {
  const seq = (last?.seq ?? 0) + 1;
  const prev_hash = last?.hash ?? GENESIS;
  const body = {
    case_id: caseId,
    seq,
    at: normaliseAt(draft.at),
    actor: draft.actor,
    kind: draft.kind,
    payload: draft.payload,
  };
  return { ...body, prev_hash, hash: eventHash(prev_hash, body) };
}

export type Verification =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: number; reason: string };

/** Recomputes the chain; the first event that does not follow from its predecessor is the broken link. */
export function verifyChain(caseId: string, events: readonly AuditEvent[]): Verification {
  let prev = GENESIS;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as AuditEvent;
    const expectedSeq = i + 1;
    const fail = (reason: string): Verification => ({
      ok: false,
      events: events.length,
      brokenAt: expectedSeq,
      reason,
    });
    if (event.case_id !== caseId)
      return fail(`event ${expectedSeq} belongs to case ${event.case_id}`);
    if (event.seq !== expectedSeq)
      return fail(`event ${expectedSeq} carries sequence number ${event.seq}`);
    if (event.prev_hash !== prev)
      return fail(`event ${expectedSeq} does not point at the hash of event ${expectedSeq - 1}`);
    let recomputed: string;
    try {
      recomputed = eventHash(prev, event);
    } catch (error) {
      return fail(`event ${expectedSeq} cannot be canonicalised: ${(error as Error).message}`);
    }
    if (recomputed !== event.hash)
      return fail(`event ${expectedSeq} (${event.kind}) was changed after it was written`);
    prev = event.hash;
  }
  return { ok: true, events: events.length, head: prev };
}
