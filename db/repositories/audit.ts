// The audit trail in the database: appends events to a case's chain (serialised per
// case so two writers cannot fork it) and reads a chain back for verification.
import {
  type AuditEvent,
  type AuditEventDraft,
  chainEvent,
  type Verification,
  verifyChain,
} from "../../domain/audit.js";
import type { Database, Queryable } from "../types.js";

interface EventRow {
  case_id: string;
  seq: number;
  at: Date;
  actor: string;
  kind: AuditEvent["kind"];
  payload: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const COLUMNS = "case_id, seq, at, actor, kind, payload, prev_hash, hash";

const toEvent = (row: EventRow): AuditEvent => ({ ...row, at: new Date(row.at).toISOString() });

/**
 * Appends one event; callers run it inside a transaction so the lock holds until
 * commit. With a `stepKey`, appending is idempotent: a step that already wrote its
 * event (before a crash, say) gets that event back and nothing is appended.
 */
export async function appendAuditEvent(
  tx: Queryable,
  caseId: string,
  draft: AuditEventDraft,
  stepKey?: string,
): Promise<AuditEvent> {
  // Lock the case row: concurrent appenders to one chain queue up instead of forking it.
  const locked = await tx.query("SELECT 1 FROM casehound.cases WHERE case_id = $1 FOR UPDATE", [
    caseId,
  ]);
  if (locked.rows.length === 0) throw new Error(`cannot audit unknown case ${caseId}`);
  if (stepKey !== undefined) {
    const done = await tx.query<EventRow>(
      `SELECT ${COLUMNS} FROM casehound.audit_events WHERE case_id = $1 AND step_key = $2`,
      [caseId, stepKey],
    );
    if (done.rows[0]) return toEvent(done.rows[0]);
  }
  const { rows } = await tx.query<{ seq: number; hash: string }>(
    "SELECT seq, hash FROM casehound.audit_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1",
    [caseId],
  );
  const event = chainEvent(caseId, rows[0] ?? null, draft);
  await tx.query(
    `INSERT INTO casehound.audit_events (${COLUMNS}, step_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      event.case_id,
      event.seq,
      event.at,
      event.actor,
      event.kind,
      JSON.stringify(event.payload),
      event.prev_hash,
      event.hash,
      stepKey ?? null,
    ],
  );
  return event;
}

/** The case store's audit sink for one case (the shape controller/audit-sink.ts expects). */
export function createStoredAuditSink(db: Database, caseId: string) {
  return {
    record: (stepKey: string, draft: AuditEventDraft) =>
      db.transaction((tx) => appendAuditEvent(tx, caseId, draft, stepKey)),
    async head(): Promise<string | null> {
      const { rows } = await db.query<{ hash: string }>(
        "SELECT hash FROM casehound.audit_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1",
        [caseId],
      );
      return rows[0]?.hash ?? null;
    },
  };
}

export async function readAuditChain(db: Queryable, caseId: string): Promise<AuditEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM casehound.audit_events WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return rows.map(toEvent);
}

/** Events after `afterSeq`, in order (a follower catching up). */
export async function readAuditEventsAfter(
  db: Queryable,
  caseId: string,
  afterSeq: number,
  limit = 500,
): Promise<AuditEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM casehound.audit_events WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [caseId, afterSeq, limit],
  );
  return rows.map(toEvent);
}

export async function verifyAuditChain(db: Queryable, caseId: string): Promise<Verification> {
  return verifyChain(caseId, await readAuditChain(db, caseId));
}

/** The events one run's graph steps wrote, by step key (step keys start with the run id). */
export async function readRunSteps(
  db: Queryable,
  caseId: string,
  runId: string,
): Promise<Map<string, AuditEvent>> {
  const { rows } = await db.query<EventRow & { step_key: string }>(
    `SELECT ${COLUMNS}, step_key FROM casehound.audit_events
      WHERE case_id = $1 AND starts_with(step_key, $2) ORDER BY seq`,
    [caseId, `${runId}:`],
  );
  return new Map(rows.map((row) => [row.step_key, toEvent(row)]));
}
