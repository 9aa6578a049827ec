// Runs a case the way the product does: store the case (its audit chain starts),
// start a run, investigate with the chain in the case store, then store evidence and
// the verdict — or mark the run failed, never losing the case.

import { createStoredAuditSink } from "../db/repositories/audit.js";
import { createCase, type StoredCase } from "../db/repositories/cases.js";
import { failRun, finishRun, startRun } from "../db/repositories/runs.js";
import type { Database } from "../db/types.js";
import type { CaseInput } from "../domain/case.js";
import {
  createInvestigator,
  type InvestigationResult,
  type InvestigatorOptions,
} from "./investigate.js";

export type CaseRunner = (
  request: CaseInput,
  options?: { actor?: string; idempotencyKey?: string },
) => Promise<{ case: StoredCase; result: InvestigationResult }>;

/** `app` holds the case store; the warehouse may be another (read-only) connection. */
export function createCaseRunner(
  app: Database,
  options: Omit<InvestigatorOptions, "app" | "audit">,
): CaseRunner {
  const investigate = createInvestigator({
    ...options,
    app,
    audit: (caseId) => createStoredAuditSink(app, caseId),
  });
  const now = options.now ?? (() => new Date());
  return async (request, runOptions = {}) => {
    const { case: stored } = await createCase(app, request, {
      actor: runOptions.actor ?? "cli",
      idempotencyKey: runOptions.idempotencyKey,
      now,
    });
    const runId = await startRun(app, stored.id, now());
    let result: InvestigationResult;
    try {
      result = await investigate({ ...request, id: stored.id, runId });
    } catch (error) {
      await failRun(app, stored.id, runId, (error as Error).message, now());
      throw error;
    }
    await finishRun(
      app,
      { caseId: stored.id, runId, verdict: result.verdict, evidence: result.evidence },
      now(),
    );
    return { case: stored, result };
  };
}
