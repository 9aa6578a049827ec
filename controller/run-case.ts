// Runs cases the way the product does. A case is stored first (its audit chain
// starts), then claimed: a new run starts under a lease this process renews, or an
// abandoned run (its process died, its lease expired) is taken over and resumed
// from its last checkpoint, seeing the answers it recorded before the crash. The
// run ends with its evidence and one verdict, or failed — never lost.

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { assertAsOfInRange } from "../db/repositories/activity-range.js";
import { getCase, type StoredCase } from "../db/repositories/cases.js";
import { loadRecordings, recordingWriter } from "../db/repositories/recordings.js";
import {
  abandonedRuns,
  claimCase,
  failRun,
  finishRun,
  type Lease,
  latestVerdict,
  releaseLease,
  renewLease,
} from "../db/repositories/runs.js";
import { unfinishedSeeds } from "../db/repositories/seeds-in-progress.js";
import { createStoredAuditSink } from "../db/repositories/stored-audit-sink.js";
import type { Database } from "../db/types.js";
import type { AuditEvent } from "../domain/audit.js";
import { DEFAULT_BUDGET } from "../domain/budget.js";
import type { CaseInput } from "../domain/case.js";
import { AppError } from "../domain/errors.js";
import type { Evidence } from "../domain/evidence.js";
import type { Verdict } from "../domain/verdict.js";
import { createInvestigator, type InvestigatorOptions } from "./investigate.js";
import { createRecorder } from "./recorder.js";
import { guardRun } from "./run-guard.js";

export const DEFAULT_LEASE_MS = 30_000;

export interface CaseOutcome {
  case: StoredCase;
  runId: string;
  verdict: Verdict;
  evidence: Evidence[];
  /** "new": investigated now; "resumed": an abandoned run finished; "stored": already decided. */
  how: "new" | "resumed" | "stored";
  /** True when the graph continued from a checkpoint (rather than from its first step). */
  fromCheckpoint: boolean;
}

export interface CaseRunnerOptions extends Omit<InvestigatorOptions, "app" | "audit" | "recorder"> {
  /** How long a run's lease lasts without renewal (renewed every third of it). */
  leaseMs?: number;
  /** Who holds the leases this runner takes (default host:pid:random). */
  owner?: string;
  /** Told of every audit event as it is appended (progress output). */
  onEvent?: (event: AuditEvent) => void;
  /**
   * How long one attempt at a run may take before it fails (default: three times the
   * case's wall-time budget): a backstop for a run some broken connection left hanging.
   */
  hardDeadlineMs?: number;
}

export interface CaseRunner {
  /**
   * Refuses a request the warehouse cannot answer, before it is stored: an as-of
   * outside the warehouse's data (bad_argument), or a warehouse a seed left half
   * loaded (unavailable). Every door calls it.
   */
  admit(request: CaseInput): Promise<void>;
  /**
   * Drives a stored case to a verdict: new run, takeover of an abandoned one, or the
   * stored verdict. A cancelled case is refused (conflict, from the claim): it never
   * runs. Aborting `signal` (a shutdown) stops the run at its next step boundary and
   * releases its lease, so the next claim resumes it from its last checkpoint; the
   * call then rejects with `unavailable`.
   */
  drive(caseId: string, options?: { signal?: AbortSignal }): Promise<CaseOutcome>;
  /**
   * Takes over and finishes every run whose lease expired. One run that fails (or is
   * given up) does not stop the others: it is reported in `failures`.
   */
  resumeAbandoned(): Promise<{
    outcomes: CaseOutcome[];
    failures: { caseId: string; error: string }[];
  }>;
}

/** `app` holds the case store; the warehouse may be another (read-only) connection. */
export function createCaseRunner(app: Database, options: CaseRunnerOptions): CaseRunner {
  const now = options.now ?? (() => new Date());
  const lease: Lease = {
    owner: options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ms: options.leaseMs ?? DEFAULT_LEASE_MS,
  };
  const hardDeadlineMs =
    options.hardDeadlineMs ?? 3 * (options.budget?.maxWallMs ?? DEFAULT_BUDGET.maxWallMs);
  const investigate = createInvestigator({
    ...options,
    app,
    durability: options.durability ?? "sync",
    audit: (caseId) => {
      const sink = createStoredAuditSink(app, caseId);
      const onEvent = options.onEvent;
      if (!onEvent) return sink;
      return {
        head: sink.head,
        record: async (stepKey, draft) => {
          const event = await sink.record(stepKey, draft);
          onEvent(event);
          return event;
        },
      };
    },
    recorder: async (_caseId, runId) =>
      createRecorder({
        recorded: await loadRecordings(app, runId),
        save: recordingWriter(app, runId, now),
      }),
  });

  async function stored(theCase: StoredCase): Promise<CaseOutcome> {
    const decided = await latestVerdict(app, theCase.id);
    if (!decided)
      throw new AppError("internal", `case ${theCase.id} is decided but has no verdict`);
    return { case: theCase, ...decided, how: "stored", fromCheckpoint: false };
  }

  async function drive(
    caseId: string,
    driveOptions: { signal?: AbortSignal } = {},
  ): Promise<CaseOutcome> {
    const shutdown = driveOptions.signal;
    if (shutdown?.aborted)
      throw new AppError("unavailable", `not starting case ${caseId}: shutting down`);
    const theCase = await getCase(app, caseId);
    if (!theCase) throw new AppError("not_found", `no stored case ${caseId}`);
    const claim = await claimCase(app, caseId, lease, now());
    if (claim.kind === "decided") return stored(theCase);
    if (claim.kind === "busy")
      throw new AppError(
        "conflict",
        `case ${caseId} is being investigated by ${claim.owner} (lease until ${claim.until})`,
      );
    if (claim.kind === "gave_up")
      throw new AppError("internal", `case ${caseId}: run ${claim.runId} was given up`);

    const { runId } = claim;
    const abort = new AbortController();
    const heartbeat = setInterval(
      () => {
        renewLease(app, runId, lease).then(
          (held) => {
            if (!held) abort.abort(new AppError("conflict", `lost the lease on run ${runId}`));
          },
          () => {}, // a failed renewal is retried on the next beat; expiry is the backstop
        );
      },
      Math.max(50, Math.floor(lease.ms / 3)),
    );
    heartbeat.unref();
    try {
      const { id, status: _s, idempotencyKey: _k, ...request } = theCase;
      const signal = shutdown ? AbortSignal.any([abort.signal, shutdown]) : abort.signal;
      const result = await guardRun(
        caseId,
        hardDeadlineMs,
        () => investigate({ ...request, id, runId }, { signal }),
        abort,
      );
      await finishRun(
        app,
        { caseId, runId, owner: lease.owner, verdict: result.verdict, evidence: result.evidence },
        now(),
      );
      return {
        case: { ...theCase, status: "decided" },
        runId,
        verdict: result.verdict,
        evidence: result.evidence,
        how: claim.kind === "takeover" || result.resumed ? "resumed" : "new",
        fromCheckpoint: result.resumed,
      };
    } catch (error) {
      if (shutdown?.aborted && !abort.signal.aborted) {
        // Paused, not failed: its completed steps are checkpointed and the next claim resumes it.
        await releaseLease(app, runId, lease.owner);
        throw new AppError(
          "unavailable",
          `case ${caseId}: run ${runId} paused by shutdown; it resumes from its last checkpoint`,
          { cause: error },
        );
      }
      // Only the lease holder may fail the run; a run taken over is left to its new owner.
      abort.abort(error); // a run failed from outside its steps stops at its next step
      await failRun(app, { caseId, runId, owner: lease.owner }, (error as Error).message, now());
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function admit(request: CaseInput): Promise<void> {
    // Part of a world (a seed died mid-way) would read as sellers with no activity.
    const [unfinished] = await unfinishedSeeds(app);
    if (unfinished)
      throw new AppError(
        "unavailable",
        `the warehouse is incomplete: a ${unfinished.size} seed (seed ${unfinished.seed}) started at ${unfinished.started_at} never finished; run casehound seed --replace`,
      );
    if (request.asOf !== undefined) await assertAsOfInRange(options.warehouse, request.asOf);
  }

  return {
    admit,
    drive,
    async resumeAbandoned() {
      const outcomes: CaseOutcome[] = [];
      const failures: { caseId: string; error: string }[] = [];
      for (const { caseId } of await abandonedRuns(app)) {
        try {
          outcomes.push(await drive(caseId));
        } catch (error) {
          // A conflict means another process took it first; anything else is recorded as failed.
          if (!(error instanceof AppError && error.code === "conflict"))
            failures.push({ caseId, error: (error as Error).message });
        }
      }
      return { outcomes, failures };
    },
  };
}
