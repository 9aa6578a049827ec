// The queue between intake and the investigation. Intake stores a case and
// enqueues its id; a consumer drives it to a verdict. One machine uses the
// in-process queue; several machines share pg-boss on server PostgreSQL
// (pgboss-queue.ts) behind this same interface.

export interface QueueStats {
  /** Cases waiting for a free slot (on pg-boss: in the whole queue, as of the last look). */
  waiting: number;
  /** Cases being investigated now, in this process. */
  running: number;
}

/** How the consumer's work on one case ended. */
export type RunOutcome = "decided" | "stored" | "failed" | "paused" | "busy";

export interface CaseQueue {
  /**
   * Adds a stored case. A case already waiting here is not added twice (the run in
   * progress, or the one waiting, will decide it). Refused with `unavailable` once
   * stopping, or when the queue cannot be reached: the case stays stored as queued
   * and a worker's sweeper hands it to the queue later.
   */
  enqueue(caseId: string): Promise<void>;
  /** `enqueue` for many stored cases at once (the sweeper, a batch). */
  enqueueMany(caseIds: readonly string[]): Promise<void>;
  stats(): QueueStats;
  /** Resolves when nothing is waiting or running (tests and batch runs wait on it). */
  idle(): Promise<void>;
  /**
   * Stops taking work. Running cases get `graceMs` to finish; then they are
   * interrupted (they stop at a step boundary, already checkpointed, and resume on
   * the next start). Waiting cases stay queued in the store for the next start.
   */
  stop(graceMs: number): Promise<void>;
}

/**
 * What a consumer does with one case; `signal` aborts when the queue stops. It says
 * how the case's run ended (a queue that retries needs to know); it never throws for
 * a case's own failure, which the runner records in the case store.
 */
export type CaseWork = (caseId: string, signal: AbortSignal) => Promise<RunOutcome | undefined>;
