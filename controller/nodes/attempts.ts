// Scans what a node found for manipulation attempts and records each attempt as
// evidence in the audit trail, so both modes surface them in the verdict.
import type { Evidence } from "../../domain/evidence.js";
import { manipulationAttempts } from "../../tools/untrusted/attempts.js";
import type { InvestigationDeps } from "../deps.js";
import { evidenceEvent, recordAll, type StepRecorder } from "./record.js";

export async function scanFound(
  deps: InvestigationDeps,
  record: StepRecorder,
  found: readonly Evidence[],
): Promise<Evidence[]> {
  const attempts = manipulationAttempts(found, deps.now().toISOString());
  await recordAll(
    record,
    attempts.map((e) => ["evidence_added", evidenceEvent(e)] as const),
  );
  return attempts;
}
