// Runs one case through the investigation graph and returns the verdict with the
// evidence it rests on. The graph's thread is the run: when the checkpointer already
// holds the run's state (its process died), the run resumes from its last
// checkpoint instead of starting over. Every outside answer goes through the run's
// recorder (in memory by default; the case store's for stored runs).
import { randomUUID } from "node:crypto";
import { type BaseCheckpointSaver, MemorySaver } from "@langchain/langgraph";
import type { Database } from "../db/types.js";
import { Budget, DEFAULT_BUDGET } from "../domain/budget.js";
import { Case, CaseInput } from "../domain/case.js";
import { AppError } from "../domain/errors.js";
import type { Evidence } from "../domain/evidence.js";
import type { IndicatorReading } from "../domain/indicator.js";
import type { Verdict } from "../domain/verdict.js";
import { type BaselineCache, createBaselineCache } from "../tools/indicators/baselines.js";
import { type AuditSink, createMemoryAuditSink } from "./audit-sink.js";
import type { InvestigationDeps, RoleModels } from "./deps.js";
import { buildInvestigationGraph } from "./graph.js";
import { recordedBaselines, recordedQueries } from "./recorded-tools.js";
import { createRecorder, type Recorder } from "./recorder.js";
import type { CaseStateType } from "./state.js";

export interface InvestigationResult {
  verdict: Verdict;
  evidence: Evidence[];
  readings: IndicatorReading[];
  runId: string;
  /** True when the run continued from a checkpoint rather than starting fresh. */
  resumed: boolean;
}

export interface InvestigatorOptions {
  warehouse: Database;
  app?: Database;
  budget?: Partial<Budget>;
  checkpointer?: BaseCheckpointSaver;
  /** The audit sink for a case; default: an in-memory chain per run. */
  audit?: (caseId: string) => AuditSink;
  /** The recorder for a run; default: answers kept in memory for the run only. */
  recorder?: (caseId: string, runId: string) => Promise<Recorder>;
  /**
   * When a step's checkpoint is written: "sync" (before the next step starts; what
   * durable runs use), "async" (alongside it; LangGraph's default), "exit" (at the end).
   */
  durability?: "sync" | "async" | "exit";
  /** Chat models per role. LLM mode is not built yet: only offline mode runs. */
  models?: RoleModels;
  now?: () => Date;
}

export type InvestigationInput = CaseInput & { id?: string; runId?: string; createdAt?: string };

/** The warehouse's own as-of (a demo world is anchored in time), else now. */
export async function warehouseAsOf(app: Database, now: Date): Promise<string> {
  const { rows } = await app.query<{ as_of: Date }>(
    "SELECT as_of FROM casehound.warehouse_seeds ORDER BY id DESC LIMIT 1",
  );
  return (rows[0]?.as_of ?? now).toISOString();
}

export function createInvestigator(options: InvestigatorOptions) {
  const models = options.models ?? {};
  const roles = Object.keys(models).filter(
    (role) => models[role as keyof RoleModels] !== undefined,
  );
  if (roles.length > 0) {
    throw new AppError(
      "config_invalid",
      `models were given for ${roles.join(", ")}, but LLM mode is not available yet; run without models (offline mode)`,
    );
  }
  const app = options.app ?? options.warehouse;
  const budget = Budget.parse({ ...DEFAULT_BUDGET, ...options.budget });
  const now = options.now ?? (() => new Date());
  const graph = buildInvestigationGraph({
    budget,
    checkpointer: options.checkpointer ?? new MemorySaver(),
  });
  const caches = new Map<string, BaselineCache>();
  const baselinesAt = (asOf: string) => {
    let baselines = caches.get(asOf);
    if (!baselines) {
      baselines = createBaselineCache(options.warehouse, app, asOf);
      caches.set(asOf, baselines);
    }
    return baselines;
  };

  return async function investigate(
    input: InvestigationInput,
    control: { signal?: AbortSignal } = {},
  ): Promise<InvestigationResult> {
    const { id: _id, runId: _runId, createdAt: _createdAt, ...request } = input;
    const parsed = CaseInput.parse(request);
    const theCase = Case.parse({
      ...parsed,
      id: input.id ?? randomUUID(),
      createdAt: input.createdAt ?? now().toISOString(),
    });
    const runId = input.runId ?? randomUUID();
    const thread = { configurable: { thread_id: runId } };
    const saved = await graph.getState(thread);
    const resumed = saved.values !== undefined && "case" in (saved.values as object);
    const asOf = resumed
      ? (saved.values as CaseStateType).asOf
      : parsed.asOf
        ? new Date(parsed.asOf).toISOString()
        : await warehouseAsOf(app, now());
    const recorder = options.recorder
      ? await options.recorder(theCase.id, runId)
      : createRecorder();
    const deps: InvestigationDeps = {
      warehouse: recordedQueries(options.warehouse, "warehouse", recorder),
      corpus: recordedQueries(app, "corpus", recorder),
      baselines: recordedBaselines(baselinesAt(asOf), recorder),
      recorder,
      budget,
      models,
      now,
      audit: (options.audit ?? createMemoryAuditSink)(theCase.id),
      runId,
    };
    const config = {
      configurable: { ...thread.configurable, deps },
      recursionLimit: 25 + budget.maxIterations * 10,
      ...(control.signal ? { signal: control.signal } : {}),
      ...(options.durability ? { durability: options.durability } : {}),
    };
    const start = {
      case: theCase,
      asOf,
      startedAt: now().getTime(),
      profile: null,
      unresolved: null,
      iteration: 0,
      tasks: [],
      requested: [],
      judgement: null,
      reflection: null,
      verdict: null,
      assessments: [],
    };
    // A null input continues the thread from its last checkpoint (or returns its end state).
    const final = await graph.invoke(resumed ? null : start, config);
    if (!final.verdict) throw new Error(`case ${theCase.id} ended without a verdict`);
    return {
      verdict: final.verdict,
      evidence: final.evidence,
      readings: final.readings,
      runId,
      resumed,
    };
  };
}
