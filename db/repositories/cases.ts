// Cases in the store. Creation is idempotent on a client-supplied key: the same key
// with the same request returns the existing case; the same key with a different
// request is a conflict. Creating a case starts its audit chain.
import { randomUUID } from "node:crypto";
import { hashOf } from "../../domain/canonical-json.js";
import { Case, CaseInput, type CaseStatus } from "../../domain/case.js";
import { AppError } from "../../domain/errors.js";
import type { Database, Queryable } from "../types.js";
import { appendAuditEvent } from "./audit.js";

export type { CaseStatus } from "../../domain/case.js";

export interface StoredCase extends Case {
  status: CaseStatus;
  idempotencyKey: string | null;
}

interface CaseRow {
  case_id: string;
  idempotency_key: string | null;
  subject_type: "seller" | "buyer" | "order";
  subject_id: string;
  allegation: string;
  source: Case["source"];
  priority: Case["priority"];
  typology_hints: Case["typologyHints"];
  as_of: Date | null;
  status: CaseStatus;
  created_at: Date;
}

function fromRow(row: CaseRow): StoredCase {
  return {
    id: row.case_id,
    idempotencyKey: row.idempotency_key,
    subject: { type: row.subject_type, id: row.subject_id },
    allegation: row.allegation,
    source: row.source,
    priority: row.priority,
    typologyHints: row.typology_hints,
    ...(row.as_of ? { asOf: new Date(row.as_of).toISOString() } : {}),
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** What makes two requests "the same" for idempotency: the validated request, not its id or time. */
function requestFingerprint(input: ReturnType<typeof CaseInput.parse>): string {
  return hashOf({ ...input, asOf: input.asOf ? new Date(input.asOf).toISOString() : null });
}

export async function getCase(db: Database, caseId: string): Promise<StoredCase | null> {
  const { rows } = await db.query<CaseRow>("SELECT * FROM casehound.cases WHERE case_id = $1", [
    caseId,
  ]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function createCase(
  db: Database,
  input: CaseInput,
  options: {
    idempotencyKey?: string;
    /** The key as its client gave it, for messages: the stored key may carry a scope the client never sent. */
    clientKey?: string;
    actor: string;
    now?: () => Date;
  },
): Promise<{ case: StoredCase; created: boolean }> {
  const parsed = CaseInput.parse(input);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const key = options.idempotencyKey ?? null;
  const fingerprint = requestFingerprint(parsed);
  // Two first requests with one key can race: the loser's insert hits the unique key,
  // and its retry finds the winner's case.
  for (let attempt = 0; ; attempt++) {
    try {
      return await createOnce();
    } catch (error) {
      const unique = (error as { code?: string }).code === "23505";
      if (!unique || key === null || attempt > 0) throw error;
    }
  }

  async function createOnce() {
    return db.transaction(async (tx) => {
      if (key !== null) {
        const existing = await tx.query<CaseRow>(
          "SELECT * FROM casehound.cases WHERE idempotency_key = $1",
          [key],
        );
        if (existing.rows[0]) {
          const stored = fromRow(existing.rows[0]);
          const { id: _id, createdAt: _c, status: _s, idempotencyKey: _k, ...request } = stored;
          if (requestFingerprint(CaseInput.parse(request)) !== fingerprint) {
            throw new AppError(
              "conflict",
              `idempotency key ${options.clientKey ?? key} was already used for a different case (${stored.id})`,
              { details: { caseId: stored.id } },
            );
          }
          return { case: stored, created: false };
        }
      }
      const theCase = Case.parse({ ...parsed, id: randomUUID(), createdAt: now });
      const { rows } = await tx.query<CaseRow>(
        `INSERT INTO casehound.cases (case_id, idempotency_key, subject_type, subject_id, allegation, source, priority, typology_hints, as_of, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          theCase.id,
          key,
          theCase.subject.type,
          theCase.subject.id,
          theCase.allegation,
          theCase.source,
          theCase.priority,
          theCase.typologyHints,
          theCase.asOf ?? null,
          theCase.createdAt,
        ],
      );
      await appendAuditEvent(tx, theCase.id, {
        at: now,
        actor: options.actor,
        kind: "case_created",
        payload: {
          subject: theCase.subject,
          allegation: theCase.allegation,
          source: theCase.source,
          priority: theCase.priority,
          typology_hints: theCase.typologyHints,
          as_of: theCase.asOf ?? null,
          idempotency_key: key,
        },
      });
      return { case: fromRow(rows[0] as CaseRow), created: true };
    });
  }
}

/** Locks a case's row until the transaction ends (its writers queue up) and returns its status. */
export async function lockCase(tx: Queryable, caseId: string): Promise<CaseStatus> {
  const { rows } = await tx.query<{ status: CaseStatus }>(
    "SELECT status FROM casehound.cases WHERE case_id = $1 FOR UPDATE",
    [caseId],
  );
  if (!rows[0]) throw new AppError("not_found", `no stored case ${caseId}`);
  return rows[0].status;
}
