// intake: start the run's audit (run_started), resolve the subject in the warehouse
// (tools/profile) and record its queries and profile evidence. An unknown subject
// (or a buyer, which the offline playbooks do not investigate) ends the run with a
// clear reason.
import type { RunnableConfig } from "@langchain/core/runnables";
import { resolveSubject } from "../../tools/profile/resolve-subject.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { scanFound } from "./attempts.js";
import { modelsOf } from "./model-calls.js";
import { evidenceEvent, recordAll, stepRecorder } from "./record.js";

export async function intake(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const record = stepRecorder(deps, "intake", 0);
  await record("run_started", {
    run_id: deps.runId,
    as_of: state.asOf,
    subject: state.case.subject,
    budget: deps.budget,
    mode: deps.gateway ? "llm" : "offline",
    // Offline runs keep the payload they always had, so stored runs replay as before.
    ...(deps.gateway ? { models: modelsOf(deps) } : {}),
    ...(deps.embedder
      ? { embedding: { model: deps.embedder.model, dims: deps.embedder.dims } }
      : {}),
    ...(deps.searchProviders.length
      ? { search_providers: deps.searchProviders.map((p) => p.name) }
      : {}),
  });
  const resolved = await resolveSubject(deps.warehouse, state.case.subject, state.asOf, () =>
    deps.now().toISOString(),
  );
  await recordAll(
    record,
    resolved.queries.map((query) => ["sql_executed", { ...query }] as const),
  );
  const usage = resolved.queries.length ? { sqlQueries: resolved.queries.length } : {};
  if (!resolved.profile)
    return {
      profile: null,
      unresolved: resolved.unresolved,
      ...(resolved.queries.length ? { usage } : {}),
      iteration: 0,
    };
  const evidence = resolved.evidence;
  await recordAll(
    record,
    evidence.map((e) => ["evidence_added", evidenceEvent(e)] as const),
  );
  return {
    profile: resolved.profile,
    unresolved: null,
    evidence: [...evidence, ...(await scanFound(deps, record, evidence))],
    usage: { sqlQueries: resolved.queries.length, rows: 1 },
    iteration: 0,
  };
}
