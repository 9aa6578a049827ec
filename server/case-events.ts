// In-process notice that a case's audit chain grew. Followers (the SSE stream)
// treat a notice only as "look again": they read the events from the store, which
// is the one source of order. Runs in other processes are caught by polling.
import { EventEmitter } from "node:events";

export interface CaseEvents {
  notify(caseId: string): void;
  /** Calls `listener` on each notice for the case; returns the unsubscribe function. */
  subscribe(caseId: string, listener: () => void): () => void;
}

export function createCaseEvents(): CaseEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify: (caseId) => emitter.emit(caseId),
    subscribe(caseId, listener) {
      emitter.on(caseId, listener);
      return () => emitter.off(caseId, listener);
    },
  };
}
