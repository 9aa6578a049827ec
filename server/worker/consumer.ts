// The consumer: what the worker does with one queued case. It drives the case to a
// verdict through the case runner and says how the run ended; the runner itself
// records failures in the case store, so nothing here can lose a case.
import type { Logger } from "../../config/logger.js";
import type { CaseRunner } from "../../controller/run-case.js";
import { isAppError } from "../../domain/errors.js";
import type { CaseWork, RunOutcome } from "./case-queue.js";

/** decided: a verdict now; stored: it had one; paused: shutdown; busy: another process has it. */
export type { RunOutcome } from "./case-queue.js";

export interface ConsumerOptions {
  runner: CaseRunner;
  logger: Logger;
  /** Told how each run ended (metrics). */
  onRunEnded?: (outcome: RunOutcome, seconds: number, decision?: string) => void;
  /** Told when a case's run ends, whatever the outcome (event streams wake). */
  onSettled?: (caseId: string) => void;
}

export function createCaseConsumer(options: ConsumerOptions): CaseWork {
  const { runner, logger } = options;
  const ended = options.onRunEnded ?? (() => {});
  return async (caseId, signal) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let outcome: RunOutcome;
    try {
      const result = await runner.drive(caseId, { signal });
      outcome = result.how === "stored" ? "stored" : "decided";
      ended(outcome, seconds(), result.verdict.decision);
    } catch (error) {
      if (isAppError(error, "unavailable")) outcome = "paused";
      else if (isAppError(error, "conflict")) outcome = "busy";
      else {
        outcome = "failed";
        logger.warn({ caseId, error: (error as Error).message }, "investigation failed");
      }
      ended(outcome, seconds());
    } finally {
      options.onSettled?.(caseId);
    }
    return outcome;
  };
}
