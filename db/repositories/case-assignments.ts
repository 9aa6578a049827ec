// Who works a case in the console. Taking a case (or the next unassigned one) is
// stored and appended to the case's audit chain in one transaction; the next
// unassigned case is claimed by one conditional insert, so two analysts asking at
// once never get the same case.
import { AppError } from "../../domain/errors.js";
import type { Database, Queryable } from "../types.js";
import { appendAuditEvent } from "./audit.js";

export interface Assignee {
  keyId: string;
  /** Shown to other analysts: the key's name and id. */
  name: string;
}

async function record(tx: Queryable, caseId: string, who: Assignee, at: string): Promise<void> {
  await appendAuditEvent(tx, caseId, {
    at,
    actor: `analyst:${who.name}`,
    kind: "case_assigned",
    payload: { key_id: who.keyId, assignee: who.name },
  });
}

/** Assigns a case to the caller (taking it over from whoever had it). */
export async function assignCase(
  db: Database,
  caseId: string,
  who: Assignee,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await tx.query("SELECT 1 FROM casehound.cases WHERE case_id = $1", [caseId]);
    if (found.rows.length === 0) throw new AppError("not_found", `no case ${caseId}`);
    const at = now.toISOString();
    const { rows } = await tx.query<{ key_id: string }>(
      "SELECT key_id FROM casehound.case_assignments WHERE case_id = $1",
      [caseId],
    );
    if (rows[0]?.key_id === who.keyId) return;
    await tx.query(
      `INSERT INTO casehound.case_assignments (case_id, key_id, assignee, assigned_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET key_id = $2, assignee = $3, assigned_at = $4`,
      [caseId, who.keyId, who.name, at],
    );
    await record(tx, caseId, who, at);
  });
}

const UNASSIGNED = `
  FROM casehound.cases c
  JOIN LATERAL (
    SELECT verdict FROM casehound.verdicts
     WHERE case_id = c.case_id ORDER BY created_at DESC, run_id LIMIT 1
  ) v ON true
 WHERE c.status = 'decided'
   AND NOT EXISTS (SELECT 1 FROM casehound.case_assignments a WHERE a.case_id = c.case_id)`;

/** Tries once; null also when another analyst took the chosen case at the same instant. */
async function claimOnce(db: Database, who: Assignee, at: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ case_id: string }>(
      `INSERT INTO casehound.case_assignments (case_id, key_id, assignee, assigned_at)
       SELECT c.case_id, $1, $2, $3 ${UNASSIGNED}
        ORDER BY (v.verdict->>'needs_human_review')::boolean DESC,
                 (v.verdict->>'risk_score')::float8 DESC, c.created_at, c.case_id
        LIMIT 1
       ON CONFLICT (case_id) DO NOTHING
       RETURNING case_id`,
      [who.keyId, who.name, at],
    );
    const caseId = rows[0]?.case_id;
    if (caseId) await record(tx, caseId, who, at);
    return caseId ?? null;
  });
}

/**
 * Claims the decided, unreviewed, unassigned case most in need of an analyst: those
 * the verdict sends to human review first, then the riskiest, then the oldest. Two
 * analysts asking at once may choose the same case; the one whose insert loses tries
 * again (on server PostgreSQL it waits for the winner's commit and then sees it).
 * Null when none is left.
 */
export async function assignNextCase(
  db: Database,
  who: Assignee,
  now: Date,
): Promise<string | null> {
  const at = now.toISOString();
  for (let attempt = 0; attempt < 20; attempt++) {
    const caseId = await claimOnce(db, who, at);
    if (caseId) return caseId;
    const left = await db.query(`SELECT 1 ${UNASSIGNED} LIMIT 1`);
    if (left.rows.length === 0) return null;
  }
  return null;
}

/** Who works a case now, or null. */
export async function assigneeOf(db: Queryable, caseId: string): Promise<string | null> {
  const { rows } = await db.query<{ assignee: string }>(
    "SELECT assignee FROM casehound.case_assignments WHERE case_id = $1",
    [caseId],
  );
  return rows[0]?.assignee ?? null;
}
