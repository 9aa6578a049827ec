// Exact replay: re-runs a stored case's decided run from its recorded answers alone
// — the warehouse and the corpus are sealed, nothing is asked twice — and compares
// what it gets with what was stored: the verdict (by its decision hash, which leaves
// out the timings and the chain head: they measure the run rather than decide it),
// the evidence, and every graph step's audit event (kind, actor, payload).
//
// A verdict has two hashes, each under its own name. The verdict hash
// (`verdictHash` in the API, `verdict_hash` in the store) covers the whole stored
// verdict; a review names it, so it binds to exactly the verdict the analyst read.
// The decision hash (`decision_hash` in the verdict's audit event) covers
// decidingPart(verdict): the same for a replay as for the run it replays.
import { readRunSteps, verifyAuditChain } from "../db/repositories/audit.js";
import { getCase } from "../db/repositories/cases.js";
import { redactionSecret } from "../db/repositories/installation.js";
import { loadRecordings } from "../db/repositories/recordings.js";
import { latestVerdict } from "../db/repositories/runs.js";
import type { Database } from "../db/types.js";
import type { AuditEvent, AuditEventDraft, Verification } from "../domain/audit.js";
import type { Budget } from "../domain/budget.js";
import { canonicalJson, hashOf } from "../domain/canonical-json.js";
import { AppError } from "../domain/errors.js";
import { ModelRole } from "../domain/model-role.js";
import { decidingPart, type Verdict } from "../domain/verdict.js";
import { createMemoryAuditSink } from "./audit-sink.js";
import { createInvestigator } from "./investigate.js";
import { createRecorder } from "./recorder.js";

export interface ReplayReport {
  caseId: string;
  runId: string;
  identical: boolean;
  /** Decision hashes of the stored and of the replayed verdict: without timings and audit head. */
  storedDecisionHash: string;
  replayedDecisionHash: string;
  /** The stored verdict's verdict hash (the whole verdict): the API's verdictHash, what reviews name. */
  verdictHash: string;
  recordedAnswers: number;
  stepsCompared: number;
  /** What differs, one line each (empty when identical). */
  differences: string[];
  chain: Verification;
}

/** A database a replay must not touch. */
function sealed(name: string): Database {
  const refuse = async (): Promise<never> => {
    throw new AppError("replay_diverged", `the replayed run tried to use the live ${name}`);
  };
  return {
    engine: "pglite",
    location: `sealed ${name}`,
    query: refuse,
    exec: refuse,
    transaction: refuse,
    copyIn: refuse,
    refreshTypes: refuse,
    close: async () => {},
  };
}

function compareVerdicts(stored: Verdict, replayed: Verdict): string[] {
  const a = decidingPart(stored) as Record<string, unknown>;
  const b = decidingPart(replayed) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null))
    .map(
      (k) =>
        `verdict.${k}: stored ${canonicalJson(a[k] ?? null).slice(0, 200)}, replayed ${canonicalJson(b[k] ?? null).slice(0, 200)}`,
    );
}

/** A step as a replay must reproduce it; the full verdict hash covers timings, so the verdict step is compared by its decision hash. */
function stepForm(e: Pick<AuditEvent, "kind" | "actor" | "payload">): string {
  const { verdict_hash: _v, ...payload } = e.payload;
  return canonicalJson({
    kind: e.kind,
    actor: e.actor,
    payload: e.kind === "verdict" ? payload : e.payload,
  });
}

function compareSteps(stored: Map<string, AuditEvent>, replayed: Map<string, AuditEventDraft>) {
  const differences: string[] = [];
  // Takeover notes are written by the run's claimant, not by a graph step.
  const keys = [...new Set([...stored.keys(), ...replayed.keys()])].filter(
    (k) => !k.includes(":resumed:"),
  );
  for (const key of keys) {
    const s = stored.get(key);
    const r = replayed.get(key);
    const step = key.slice(key.indexOf(":") + 1);
    if (!s) differences.push(`step ${step}: only in the replay (${r?.kind})`);
    else if (!r)
      differences.push(`step ${step}: only in the stored run (event ${s.seq}, ${s.kind})`);
    else if (stepForm(s) !== stepForm(r))
      differences.push(`step ${step}: event ${s.seq} (${s.kind}) differs from the replay`);
  }
  return { compared: keys.length, differences };
}

/** The roles that had a model in the stored run ("offline" roles had none). */
function modelLabelsOf(models: unknown): Partial<Record<ModelRole, string>> {
  if (!models || typeof models !== "object") return {};
  return Object.fromEntries(
    Object.entries(models as Record<string, unknown>).filter(
      ([role, label]) =>
        ModelRole.safeParse(role).success && typeof label === "string" && label !== "offline",
    ),
  ) as Partial<Record<ModelRole, string>>;
}

function embeddingOf(value: unknown): { embedder?: { model: string; dims: number } } {
  if (!value || typeof value !== "object") return {};
  const { model, dims } = value as { model?: unknown; dims?: unknown };
  return typeof model === "string" && typeof dims === "number" ? { embedder: { model, dims } } : {};
}

function providerNamesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export async function replayCase(app: Database, caseId: string): Promise<ReplayReport> {
  const theCase = await getCase(app, caseId);
  if (!theCase) throw new AppError("not_found", `no stored case ${caseId}`);
  const stored = await latestVerdict(app, caseId);
  if (!stored) throw new AppError("not_found", `case ${caseId} has no verdict to replay`);
  const { runId } = stored;
  const chain = await verifyAuditChain(app, caseId);
  const steps = await readRunSteps(app, caseId, runId);
  const started = [...steps.values()].find((e) => e.kind === "run_started");
  if (!started) throw new AppError("not_found", `run ${runId} has no run_started event`);
  const recordings = await loadRecordings(app, runId);

  const replayedSteps = new Map<string, AuditEventDraft>();
  const memory = createMemoryAuditSink(caseId);
  const investigate = createInvestigator({
    warehouse: sealed("warehouse"),
    app: sealed("application database"),
    budget: started.payload.budget as Budget,
    // A model run replays from its recorded replies: the labels, never a client.
    modelLabels: modelLabelsOf(started.payload.models),
    // Likewise the embedding model and the search providers: names, answered from recordings.
    ...embeddingOf(started.payload.embedding),
    searchProviders: providerNamesOf(started.payload.search_providers).map((name) => ({
      name,
      search: () => Promise.reject(new Error(`no live ${name} in a replay`)),
    })),
    // Read now: the sealed application database answers nothing during the replay.
    redactionSecret: await redactionSecret(app),
    recorder: async () => createRecorder({ recorded: recordings, replay: true }),
    audit: () => ({
      record: async (stepKey, draft) => {
        replayedSteps.set(stepKey, draft);
        return memory.record(stepKey, draft);
      },
      head: memory.head,
    }),
  });
  const { id, status: _s, idempotencyKey: _k, ...request } = theCase;
  const replayed = await investigate({
    ...request,
    asOf: started.payload.as_of as string,
    id,
    runId,
  });

  const storedDecisionHash = hashOf(decidingPart(stored.verdict));
  const replayedDecisionHash = hashOf(decidingPart(replayed.verdict));
  const differences =
    storedDecisionHash === replayedDecisionHash
      ? []
      : compareVerdicts(stored.verdict, replayed.verdict);
  const storedIds = stored.evidence.map((e) => e.id).sort();
  const replayedIds = replayed.evidence.map((e) => e.id).sort();
  if (canonicalJson(storedIds) !== canonicalJson(replayedIds))
    differences.push(
      `evidence: stored ${storedIds.length} items, replayed ${replayedIds.length}; ids differ`,
    );
  const stepComparison = compareSteps(steps, replayedSteps);
  differences.push(...stepComparison.differences);
  return {
    caseId,
    runId,
    identical: differences.length === 0,
    storedDecisionHash,
    replayedDecisionHash,
    verdictHash: stored.verdictHash,
    recordedAnswers: recordings.length,
    stepsCompared: stepComparison.compared,
    differences,
    chain,
  };
}
