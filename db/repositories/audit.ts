// The audit trail in the database: appends events to a case's chain (serialised per
// case so two writers cannot fork it) and reads a chain back for verification.
import {
  type AuditEvent,
  type AuditEventDraft,
  chainEvent,
  type Verification,
  verifyChain,
} from "../../domain/audit.js";
import type { Queryable } from "../types.js";
import { valuesRows } from "../values-rows.js";

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
  const [event] = await appendAuditEvents(tx, caseId, [{ draft, stepKey }]);
  return event as AuditEvent;
}

/**
 * Appends several events to one case's chain in one transaction, in the order given:
 * the case row is locked once, step keys already written (or repeated within the
 * batch) get their event back, the rest are chained and inserted in one statement.
 */
export async function appendAuditEvents(
  tx: Queryable,
  caseId: string,
  items: readonly { draft: AuditEventDraft; stepKey?: string | undefined }[],
): Promise<AuditEvent[]> {
  return (await appendLocked(tx, caseId, items)).events;
}

/** appendAuditEvents, also telling the chain's head once the events are in. */
export async function appendLocked(
  tx: Queryable,
  caseId: string,
  items: readonly { draft: AuditEventDraft; stepKey?: string | undefined }[],
): Promise<{ events: AuditEvent[]; head: Pick<AuditEvent, "seq" | "hash"> | null }> {
  // Lock the case row: concurrent appenders to one chain queue up instead of forking it.
  const locked = await tx.query("SELECT 1 FROM casehound.cases WHERE case_id = $1 FOR UPDATE", [
    caseId,
  ]);
  if (locked.rows.length === 0) throw new Error(`cannot audit unknown case ${caseId}`);
  const keys = items.flatMap((i) => (i.stepKey === undefined ? [] : [i.stepKey]));
  const done =
    keys.length === 0
      ? []
      : (
          await tx.query<EventRow & { step_key: string }>(
            `SELECT ${COLUMNS}, step_key FROM casehound.audit_events WHERE case_id = $1 AND step_key = ANY($2::text[])`,
            [caseId, keys],
          )
        ).rows;
  const byStep = new Map(
    done.map(({ step_key, ...row }) => [step_key, toEvent(row)] as [string, AuditEvent]),
  );
  const head = await tx.query<{ seq: number; hash: string }>(
    "SELECT seq, hash FROM casehound.audit_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1",
    [caseId],
  );
  let last: Pick<AuditEvent, "seq" | "hash"> | null = head.rows[0] ?? null;
  const fresh: { event: AuditEvent; stepKey: string | null }[] = [];
  const events = items.map(({ draft, stepKey }) => {
    const written = stepKey === undefined ? undefined : byStep.get(stepKey);
    if (written) return written;
    const event = chainEvent(caseId, last, draft);
    last = event;
    if (stepKey !== undefined) byStep.set(stepKey, event);
    fresh.push({ event, stepKey: stepKey ?? null });
    return event;
  });
  if (fresh.length > 0) {
    const rows = valuesRows(fresh.map(({ event, stepKey }) => eventRow(event, stepKey)));
    await tx.query(
      `INSERT INTO casehound.audit_events (${COLUMNS}, step_key) VALUES ${rows.sql}`,
      rows.params,
    );
  }
  return { events, head: last && { seq: last.seq, hash: last.hash } };
}

/** An event as the parameters of one audit_events row (COLUMNS, then step_key). */
export function eventRow(event: AuditEvent, stepKey: string | null): unknown[] {
  return [
    event.case_id,
    event.seq,
    event.at,
    event.actor,
    event.kind,
    JSON.stringify(event.payload),
    event.prev_hash,
    event.hash,
    stepKey,
  ];
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
