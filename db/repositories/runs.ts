// Runs of a case. A run is claimed under a lease (owner, expiry) that its process
// renews; a run whose lease expired (its process died) is taken over by the next
// claimant and resumed. A run ends with its evidence and one verdict (case →
// decided) or with an error (case → failed) — and only its lease holder may end it,
// so a run that was taken over cannot be decided twice.
import { randomUUID } from "node:crypto";
import { hashOf } from "../../domain/canonical-json.js";
import { AppError } from "../../domain/errors.js";
import { Evidence } from "../../domain/evidence.js";
import { Verdict } from "../../domain/verdict.js";
import type { Database, Queryable } from "../types.js";
import { valuesRows } from "../values-rows.js";
import { appendAuditEvent } from "./audit.js";
import { lockCase } from "./cases.js";

export interface Lease {
  owner: string;
  ms: number;
}

/** A run that keeps dying is not resumed forever. */
export const MAX_TAKEOVERS = 3;

export type Claim =
  | { kind: "new" | "takeover"; runId: string }
  | { kind: "decided"; runId: string }
  | { kind: "busy"; runId: string; owner: string; until: string }
  | { kind: "gave_up"; runId: string };

interface RunRow {
  run_id: string;
  status: "running" | "decided" | "failed";
  lease_owner: string | null;
  lease_expires_at: Date | null;
  expired: boolean;
  takeovers: number;
}

const EXPIRY = "now() + $2::integer * interval '1 millisecond'";

/**
 * Decides, atomically per case, who works on it: a decided case stays decided; a
 * live lease means someone else is on it; an expired one is taken over; otherwise a
 * new run starts. A cancelled case (its batch was cancelled) is refused with a
 * conflict: it never runs.
 */
export async function claimCase(
  db: Database,
  caseId: string,
  lease: Lease,
  now: Date,
): Promise<Claim> {
  return db.transaction(async (tx) => {
    // Under the case's lock: a cancel either happened before (refused here) or waits for this claim.
    if ((await lockCase(tx, caseId)) === "cancelled")
      throw new AppError("conflict", `case ${caseId} was cancelled with its batch; it is not run`);
    const { rows } = await tx.query<RunRow>(
      `SELECT run_id, status, lease_owner, lease_expires_at, takeovers,
              coalesce(lease_expires_at <= now(), true) AS expired
         FROM casehound.runs WHERE case_id = $1 ORDER BY attempt DESC LIMIT 1`,
      [caseId],
    );
    const last = rows[0];
    if (last?.status === "decided") return { kind: "decided", runId: last.run_id };
    if (last?.status === "running") {
      if (!last.expired)
        return {
          kind: "busy",
          runId: last.run_id,
          owner: last.lease_owner ?? "unknown",
          until: new Date(last.lease_expires_at ?? now).toISOString(),
        };
      // A lease released at shutdown (owner NULL) is a pause, not a death: it does not count.
      const released = last.lease_owner === null;
      if (!released && last.takeovers >= MAX_TAKEOVERS) {
        await endFailed(
          tx,
          caseId,
          last.run_id,
          `the run's process died ${last.takeovers + 1} times; not resuming it again`,
          now,
        );
        return { kind: "gave_up", runId: last.run_id };
      }
      await tx.query(
        `UPDATE casehound.runs SET lease_owner = $3, lease_expires_at = ${EXPIRY}, takeovers = takeovers + $4
          WHERE run_id = $1`,
        [last.run_id, lease.ms, lease.owner, released ? 0 : 1],
      );
      await appendAuditEvent(
        tx,
        caseId,
        {
          at: now.toISOString(),
          actor: lease.owner,
          kind: "run_resumed",
          payload: released
            ? { run_id: last.run_id, previous_owner: null, released: true }
            : {
                run_id: last.run_id,
                previous_owner: last.lease_owner,
                takeover: last.takeovers + 1,
              },
        },
        released
          ? `${last.run_id}:resumed-after-release:${now.toISOString()}:${randomUUID()}`
          : `${last.run_id}:resumed:${last.takeovers + 1}`,
      );
      return { kind: "takeover", runId: last.run_id };
    }
    const runId = randomUUID();
    const attempt = await tx.query<{ attempt: number }>(
      "SELECT coalesce(max(attempt), 0) + 1 AS attempt FROM casehound.runs WHERE case_id = $1",
      [caseId],
    );
    await tx.query(
      `INSERT INTO casehound.runs (run_id, case_id, attempt, status, started_at, lease_owner, lease_expires_at)
       VALUES ($1, $4, $5, 'running', $6, $3, ${EXPIRY})`,
      [runId, lease.ms, lease.owner, caseId, attempt.rows[0]?.attempt ?? 1, now.toISOString()],
    );
    await tx.query(
      "UPDATE casehound.cases SET status = 'running', started_at = coalesce(started_at, $2) WHERE case_id = $1",
      [caseId, now.toISOString()],
    );
    return { kind: "new", runId };
  });
}

/** Extends the lease; false when the run is no longer this owner's (taken over or ended). */
export async function renewLease(db: Queryable, runId: string, lease: Lease): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE casehound.runs SET lease_expires_at = ${EXPIRY}
      WHERE run_id = $1 AND lease_owner = $3 AND status = 'running' RETURNING run_id`,
    [runId, lease.ms, lease.owner],
  );
  return rows.length > 0;
}

/**
 * Gives a running run back without ending it (a graceful shutdown): the next claim
 * resumes it from its last checkpoint at once, and it does not count as a takeover.
 * False when `owner` no longer holds it.
 */
export async function releaseLease(db: Queryable, runId: string, owner: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE casehound.runs SET lease_owner = NULL, lease_expires_at = NULL
      WHERE run_id = $1 AND lease_owner = $2 AND status = 'running' RETURNING run_id`,
    [runId, owner],
  );
  return rows.length > 0;
}

/**
 * Cases stored but not started at least `minAgeMs` after they were stored (their
 * queue entry was lost with its process), oldest first.
 */
export async function queuedCases(db: Queryable, minAgeMs = 0): Promise<string[]> {
  const { rows } = await db.query<{ case_id: string }>(
    `SELECT case_id FROM casehound.cases
      WHERE status = 'queued' AND created_at <= now() - $1::integer * interval '1 millisecond'
      ORDER BY created_at, case_id`,
    [minAgeMs],
  );
  return rows.map((r) => r.case_id);
}

/** Running runs whose process stopped renewing their lease, oldest first. */
export async function abandonedRuns(
  db: Queryable,
  limit = 100,
): Promise<{ runId: string; caseId: string }[]> {
  const { rows } = await db.query<{ run_id: string; case_id: string }>(
    `SELECT run_id, case_id FROM casehound.runs
      WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at <= now())
      ORDER BY started_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ runId: r.run_id, caseId: r.case_id }));
}

/** Stores the run's evidence and its one verdict; refused unless `owner` still holds the run. */
export async function finishRun(
  db: Database,
  run: {
    caseId: string;
    runId: string;
    owner: string;
    verdict: Verdict;
    evidence: readonly Evidence[];
  },
  now: Date,
): Promise<string> {
  const verdictHash = hashOf(run.verdict);
  await db.transaction(async (tx) => {
    const held = await tx.query(
      `UPDATE casehound.runs SET status = 'decided', ended_at = $2, lease_owner = NULL, lease_expires_at = NULL
        WHERE run_id = $1 AND lease_owner = $3 AND status = 'running' RETURNING run_id`,
      [run.runId, now.toISOString(), run.owner],
    );
    if (held.rows.length === 0)
      throw new AppError(
        "conflict",
        `run ${run.runId} is no longer held by ${run.owner} (taken over or ended); its verdict was not stored`,
      );
    // One statement per 200 pieces of evidence rather than one each.
    for (let i = 0; i < run.evidence.length; i += 200) {
      const rows = valuesRows(
        run.evidence
          .slice(i, i + 200)
          .map((e) => [
            run.runId,
            e.id,
            run.caseId,
            e.kind,
            JSON.stringify(e.source),
            e.retrieved_at,
            e.summary,
            JSON.stringify(e.data ?? null),
            e.content_hash,
            e.untrusted,
          ]),
      );
      await tx.query(
        `INSERT INTO casehound.evidence (run_id, evidence_id, case_id, kind, source, retrieved_at, summary, data, content_hash, untrusted)
         VALUES ${rows.sql} ON CONFLICT DO NOTHING`,
        rows.params,
      );
    }
    await tx.query(
      "INSERT INTO casehound.verdicts (run_id, case_id, verdict, verdict_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
      [run.runId, run.caseId, JSON.stringify(run.verdict), verdictHash, now.toISOString()],
    );
    await tx.query(
      "UPDATE casehound.cases SET status = 'decided', decided_at = $2 WHERE case_id = $1",
      [run.caseId, now.toISOString()],
    );
  });
  return verdictHash;
}

/** Ends the run and its case failed with `error`, in the caller's transaction (the case locked). */
export async function endFailed(
  tx: Queryable,
  caseId: string,
  runId: string,
  error: string,
  now: Date,
): Promise<void> {
  await tx.query(
    "UPDATE casehound.runs SET status = 'failed', ended_at = $2, lease_owner = NULL, lease_expires_at = NULL WHERE run_id = $1",
    [runId, now.toISOString()],
  );
  await tx.query(
    "UPDATE casehound.cases SET status = 'failed', failed_at = $2, error = $3 WHERE case_id = $1",
    [caseId, now.toISOString(), error.slice(0, 2000)],
  );
  await appendAuditEvent(
    tx,
    caseId,
    {
      at: now.toISOString(),
      actor: "controller",
      kind: "run_failed",
      payload: { run_id: runId, error: error.slice(0, 2000) },
    },
    `${runId}:failed`,
  );
}

/** Marks the run failed, if `owner` still holds it; false when it does not (nothing changes). */
export async function failRun(
  db: Database,
  run: { caseId: string; runId: string; owner: string },
  error: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const held = await tx.query(
      "SELECT 1 FROM casehound.runs WHERE run_id = $1 AND lease_owner = $2 AND status = 'running' FOR UPDATE",
      [run.runId, run.owner],
    );
    if (held.rows.length === 0) return false;
    await endFailed(tx, run.caseId, run.runId, error, now);
    return true;
  });
}

export interface StoredRun {
  runId: string;
  verdict: Verdict;
  verdictHash: string;
  evidence: Evidence[];
}

/** The case's latest verdict row (the one a review or a replay is about), or undefined. */
export async function latestVerdictRow(
  db: Queryable,
  caseId: string,
): Promise<{ run_id: string; verdict: unknown; verdict_hash: string } | undefined> {
  const found = await db.query<{ run_id: string; verdict: unknown; verdict_hash: string }>(
    "SELECT run_id, verdict, verdict_hash FROM casehound.verdicts WHERE case_id = $1 ORDER BY created_at DESC, run_id LIMIT 1",
    [caseId],
  );
  return found.rows[0];
}

/** The case's latest verdict with the evidence of its run, or null before any. */
export async function latestVerdict(db: Queryable, caseId: string): Promise<StoredRun | null> {
  const row = await latestVerdictRow(db, caseId);
  if (!row) return null;
  const evidence = await db.query<Record<string, unknown>>(
    `SELECT evidence_id AS id, kind, source, retrieved_at, summary, data, content_hash, untrusted
       FROM casehound.evidence WHERE run_id = $1 ORDER BY evidence_id`,
    [row.run_id],
  );
  return {
    runId: row.run_id,
    verdict: Verdict.parse(row.verdict),
    verdictHash: row.verdict_hash,
    evidence: evidence.rows.map((e) =>
      Evidence.parse({ ...e, retrieved_at: new Date(e.retrieved_at as string).toISOString() }),
    ),
  };
}
