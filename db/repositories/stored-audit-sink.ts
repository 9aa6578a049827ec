// The case store's audit sink for one run of one case (the shape
// controller/audit-sink.ts expects). Events recorded while a write is on its way are
// appended together in the next (db/group-commit.ts), in the order they were recorded.
//
// A run is the only writer of its chain while it runs, so after its first append
// the sink knows the head and the step keys it wrote. Its later appends are then one
// statement that locks the case row (as every appender does, so no other appender
// can read a head this one is about to move) and inserts the events chained onto the
// head it knows — instead of a transaction of six (lock, step keys, head, insert).
// The chain's keys keep that safe: if anything else appended meanwhile (an analyst's
// assignment, a process that took the run over) the event's seq or step key is
// already taken (or the head it knows is gone), the insert fails whole, and the
// batch goes the locking way, which reads the chain afresh. About 110 fewer
// statements a batch case.
import type { AuditEvent, AuditEventDraft } from "../../domain/audit.js";
import { chainEvent } from "../../domain/audit.js";
import { groupCommit } from "../group-commit.js";
import type { Database } from "../types.js";
import { appendLocked, eventRow } from "./audit.js";

type Head = Pick<AuditEvent, "seq" | "hash">;
type Item = { draft: AuditEventDraft; stepKey: string };

// Typed casts: VALUES under a SELECT does not take its column types from the table.
const CASTS = ["text", "int", "timestamptz", "text", "text", "jsonb", "text", "text", "text"];

/** Chains `items` onto `head` and inserts them in one statement, or fails whole. */
async function appendOnto(
  db: Database,
  caseId: string,
  head: Head,
  items: readonly Item[],
  written: ReadonlyMap<string, AuditEvent>,
): Promise<{ events: AuditEvent[]; fresh: [string, AuditEvent][]; head: Head }> {
  let last = head;
  const fresh: [string, AuditEvent][] = [];
  const seen = new Map(written);
  const events = items.map(({ draft, stepKey }) => {
    const done = seen.get(stepKey);
    if (done) return done;
    const event = chainEvent(caseId, last, draft);
    last = event;
    seen.set(stepKey, event);
    fresh.push([stepKey, event]);
    return event;
  });
  if (fresh.length > 0) {
    const params: unknown[] = [caseId];
    const tuples = fresh.map(([stepKey, event]) => {
      const row = eventRow(event, stepKey);
      const start = params.length;
      params.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}::${CASTS[i]}`).join(", ")})`;
    });
    params.push(head.seq, head.hash);
    const [seq, hash] = [params.length - 1, params.length];
    // The head it chains onto must be stored as the sink knows it: a chain that lost
    // its tail (a database restored, or one that crashed with commits in flight) is
    // read afresh rather than continued from an event that is not there.
    const { rows } = await db.query(
      `WITH locked AS (SELECT 1 FROM casehound.cases WHERE case_id = $1 FOR UPDATE)
       INSERT INTO casehound.audit_events (case_id, seq, at, actor, kind, payload, prev_hash, hash, step_key)
       SELECT v.* FROM (VALUES ${tuples.join(", ")})
         AS v (case_id, seq, at, actor, kind, payload, prev_hash, hash, step_key)
        WHERE EXISTS (SELECT 1 FROM locked)
          AND EXISTS (SELECT 1 FROM casehound.audit_events h
                       WHERE h.case_id = $1 AND h.seq = $${seq}::int AND h.hash = $${hash}::text)
       RETURNING seq`,
      params,
    );
    if (rows.length !== fresh.length)
      throw new Error(`case ${caseId}: its audit chain is not where this run left it`);
  }
  return { events, fresh, head: { seq: last.seq, hash: last.hash } };
}

export function createStoredAuditSink(db: Database, caseId: string) {
  // What this sink knows of the chain: its head and the steps it wrote (null: nothing yet).
  let head: Head | null = null;
  const written = new Map<string, AuditEvent>();

  async function locked(items: Item[]): Promise<AuditEvent[]> {
    const appended = await db.transaction((tx) => appendLocked(tx, caseId, items));
    head = appended.head;
    for (const [i, item] of items.entries())
      written.set(item.stepKey, appended.events[i] as AuditEvent);
    return appended.events;
  }

  const append = groupCommit(async (items: Item[]) => {
    if (head === null) return locked(items);
    try {
      const appended = await appendOnto(db, caseId, head, items, written);
      head = appended.head;
      for (const [stepKey, event] of appended.fresh) written.set(stepKey, event);
      return appended.events;
    } catch {
      // Someone else moved the chain (or wrote one of these steps): read it afresh.
      return locked(items);
    }
  });

  return {
    record: (stepKey: string, draft: AuditEventDraft) => append({ draft, stepKey }),
    async head(): Promise<string | null> {
      const { rows } = await db.query<{ hash: string }>(
        "SELECT hash FROM casehound.audit_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1",
        [caseId],
      );
      return rows[0]?.hash ?? null;
    },
  };
}
