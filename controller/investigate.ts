// Runs one case through the investigation graph and returns the verdict with the
// evidence it rests on. The graph's thread is the run: when the checkpointer already
// holds the run's state (its process died), the run resumes from its last
// checkpoint instead of starting over. Every outside answer goes through the run's
// recorder (in memory by default; the case store's for stored runs).
import { randomUUID } from "node:crypto";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type BaseCheckpointSaver, MemorySaver } from "@langchain/langgraph";
import { shippedWeights } from "../agents/reasoning/weights.js";
import type { GuardedQuery } from "../agents/sql-retrieval/llm.js";
import { DEFAULT_PRICES, type PriceTable } from "../config/prices.js";
import { seededWorldAsOf } from "../db/repositories/baseline-snapshots.js";
import { redactionSecret } from "../db/repositories/installation.js";
import type { Database } from "../db/types.js";
import { Budget, DEFAULT_BUDGET } from "../domain/budget.js";
import { Case, CaseInput } from "../domain/case.js";
import type { Evidence } from "../domain/evidence.js";
import type { IndicatorReading } from "../domain/indicator.js";
import type { ModelRole } from "../domain/model-role.js";
import type { Verdict } from "../domain/verdict.js";
import type { ModelWeights } from "../domain/weights.js";
import {
  type BaselineCacheOptions,
  createBaselineCache,
  createSnapshotStore,
} from "../tools/indicators/baselines.js";
import { createDegreeProfileCache, createStoredProfileReader } from "../tools/links/index.js";
import { createModelGateway } from "../tools/model/gateway.js";
import { caseRedactionKey, createRedactor } from "../tools/redact/redactor.js";
import type { SearchProvider } from "../tools/search/types.js";
import { warehousePolicy } from "../tools/sql/policy.js";
import { runReadOnly } from "../tools/sql/read-only.js";
import { sandboxOf } from "../tools/sql/sandbox.js";
import type { Embedder } from "../tools/vector/types.js";
import { type AuditSink, createMemoryAuditSink } from "./audit-sink.js";
import type { InvestigationDeps, RoleModels } from "./deps.js";
import { buildInvestigationGraph } from "./graph.js";
import {
  recordedBaselines,
  recordedEmbedder,
  recordedLinkProfile,
  recordedProvider,
  recordedQueries,
  recordedSimilarSellers,
  recordedWeights,
} from "./recorded-tools.js";
import { createRecorder, type Recorder } from "./recorder.js";
import type { CaseStateType } from "./state.js";
import { caseTracer, tracingEnabled } from "./tracing.js";

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
  /** Chat models per role (LLM mode); none: offline mode. */
  models?: RoleModels;
  /** provider:model per role; defaults to the clients' model names. A replay gives labels only. */
  modelLabels?: Partial<Record<ModelRole, string>>;
  /** Prices, per-call timeout and retries for model calls. */
  modelSettings?: { prices?: PriceTable; timeoutMs?: number; retries?: number };
  /** Embeds search queries; a replay gives the stored model's name and size only. */
  embedder?: Embedder | { model: string; dims: number };
  /** Outside web-search providers (Tavily, SearxNG); the local corpus is always searched. */
  searchProviders?: SearchProvider[];
  /** The installation's secret behind the PII placeholders; read from `app` when unset. */
  redactionSecret?: string;
  /** How long one model-written query may run (on PGlite, in the sandbox: tools/sql/sandbox.ts). */
  sqlTimeoutMs?: number;
  /** The offline reasoner's weights; default: the shipped file (agents/reasoning/weights/current.json). */
  weights?: ModelWeights;
  /**
   * Which baseline snapshot a case compares against: how old it may be before the
   * case's as-of (CASEHOUND_BASELINE_FRESHNESS_HOURS, default 24), and how a missing
   * one is waited for and computed (tools/indicators/snapshots.ts).
   */
  baselines?: Omit<BaselineCacheOptions, "store">;
  now?: () => Date;
}

/** provider:model for each client (ChatOpenAI names its model; other clients their class). */
function labelsOf(models: RoleModels): Partial<Record<ModelRole, string>> {
  const labels: Partial<Record<ModelRole, string>> = {};
  for (const [role, model] of Object.entries(models) as [ModelRole, BaseChatModel | undefined][]) {
    if (!model) continue;
    const name = (model as { model?: unknown }).model;
    labels[role] = typeof name === "string" ? `openai:${name}` : model.getName();
  }
  return labels;
}

/**
 * Model SQL the guard allowed, run read-only; a failure is an answer too (so replay
 * sees it). On the embedded engine it runs in the sandbox, where a timeout can stop it.
 */
function guardedQuery(warehouse: Database, recorder: Recorder, timeoutMs: number): GuardedQuery {
  const run =
    warehouse.engine === "pglite"
      ? (sql: string) => sandboxOf(warehouse).run(sql, { timeoutMs })
      : (sql: string) => runReadOnly(warehouse, sql, { timeoutMs });
  return (sql) =>
    recorder.observe("warehouse_sql", { sql }, async () => {
      try {
        const { rows, cut } = await run(sql);
        return cut > 0 ? { rows, error: null, cut } : { rows, error: null };
      } catch (error) {
        return { rows: [], error: (error as Error).message.slice(0, 500) };
      }
    });
}

export type InvestigationInput = CaseInput & { id?: string; runId?: string; createdAt?: string };

/** The warehouse's own as-of (a demo world is anchored in time), else now. */
export async function warehouseAsOf(app: Database, now: Date): Promise<string> {
  return (await seededWorldAsOf(app)) ?? now.toISOString();
}

export function createInvestigator(options: InvestigatorOptions) {
  const models = options.models ?? {};
  const labels = options.modelLabels ?? labelsOf(models);
  const sqlPolicy = warehousePolicy();
  const app = options.app ?? options.warehouse;
  const budget = Budget.parse({ ...DEFAULT_BUDGET, ...options.budget });
  const now = options.now ?? (() => new Date());
  const graph = buildInvestigationGraph({
    budget,
    checkpointer: options.checkpointer ?? new MemorySaver(),
  });
  let secret: Promise<string> | undefined;
  const installationSecret = (): Promise<string> => {
    if (options.redactionSecret) return Promise.resolve(options.redactionSecret);
    secret ??= redactionSecret(app).catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };
  // The degree profile link analysis judges hubs by: the one stored with the case's
  // baseline snapshot, else read from the warehouse once per as-of per process.
  const linkProfiles = createDegreeProfileCache(options.warehouse);
  const storedProfiles = createStoredProfileReader(app);
  // Snapshot rows are read once per process; which snapshot a case uses, once per case.
  const snapshotStore = createSnapshotStore(app);
  const baselinesAt = (asOf: string) =>
    createBaselineCache(options.warehouse, app, asOf, {
      ...options.baselines,
      store: snapshotStore,
    });

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
    const startedAt = resumed ? (saved.values as CaseStateType).startedAt : now().getTime();
    const llmMode = Object.keys(labels).length > 0;
    const tracing = tracingEnabled();
    const redactor =
      llmMode || tracing
        ? createRedactor(caseRedactionKey(await installationSecret(), theCase.id))
        : null;
    const traced = tracing && redactor ? caseTracer(redactor) : null;
    const caseBaselines = baselinesAt(asOf);
    const deps: InvestigationDeps = {
      warehouse: recordedQueries(options.warehouse, "warehouse", recorder),
      corpus: recordedQueries(app, "corpus", recorder),
      cases: recordedQueries(app, "cases", recorder),
      embedder: options.embedder ? recordedEmbedder(options.embedder, recorder) : null,
      searchProviders: (options.searchProviders ?? []).map((p) => recordedProvider(p, recorder)),
      baselines: recordedBaselines(caseBaselines, recorder),
      linkProfile: recordedLinkProfile(async (at) => {
        const stored = await caseBaselines
          .snapshot()
          .then((ref) => storedProfiles(ref.id))
          .catch(() => null);
        return stored ?? linkProfiles(at);
      }, recorder),
      similarSellers: recordedSimilarSellers(app, recorder, {
        freshnessHours: options.baselines?.freshnessHours,
        caseSnapshot: () => caseBaselines.snapshot(),
      }),
      weights: recordedWeights(options.weights ?? shippedWeights(), recorder),
      recorder,
      budget,
      models,
      gateway:
        !llmMode || !redactor
          ? null
          : createModelGateway({
              models,
              labels,
              redact: (value) => redactor.redactValue(value),
              observe: recorder.observe.bind(recorder),
              prices: options.modelSettings?.prices ?? DEFAULT_PRICES,
              timeoutMs: options.modelSettings?.timeoutMs ?? 60_000,
              retries: options.modelSettings?.retries ?? 3,
              deadline: startedAt + budget.maxWallMs,
              ...(control.signal ? { signal: control.signal } : {}),
            }),
      modelSql: guardedQuery(options.warehouse, recorder, options.sqlTimeoutMs ?? 5_000),
      sqlPolicy,
      now,
      audit: (options.audit ?? createMemoryAuditSink)(theCase.id),
      runId,
    };
    const config = {
      configurable: { ...thread.configurable, deps },
      recursionLimit: 25 + budget.maxIterations * 10,
      ...(control.signal ? { signal: control.signal } : {}),
      ...(options.durability ? { durability: options.durability } : {}),
      ...(traced ? { callbacks: [traced.tracer] } : {}),
    };
    const start = {
      case: theCase,
      asOf,
      startedAt,
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
    const final = await graph
      .invoke(resumed ? null : start, config)
      .finally(() => traced?.finish());
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
