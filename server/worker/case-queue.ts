// The queue between intake and the investigation. Intake stores a case and
// enqueues its id; a consumer drives it to a verdict. One machine uses the
// in-process queue; many machines will use pg-boss behind this same interface.

export interface QueueStats {
  /** Cases waiting for a free slot. */
  waiting: number;
  /** Cases being investigated now. */
  running: number;
}

export interface CaseQueue {
  /**
   * Adds a stored case. A case already waiting or running here is not added twice
   * (the run in progress will decide it). Refused with `unavailable` once stopping.
   */
  enqueue(caseId: string): void;
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

/** What a consumer does with one case; `signal` aborts when the queue stops. */
export type CaseWork = (caseId: string, signal: AbortSignal) => Promise<void>;
