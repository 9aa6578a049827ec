// Runs one case through the investigation graph and returns the verdict with the
// evidence it rests on. The checkpointer is injectable (in memory by default).
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

export interface InvestigationResult {
  verdict: Verdict;
  evidence: Evidence[];
  readings: IndicatorReading[];
  runId: string;
}

export interface InvestigatorOptions {
  warehouse: Database;
  app?: Database;
  budget?: Partial<Budget>;
  checkpointer?: BaseCheckpointSaver;
  /** The audit sink for a case; default: an in-memory chain per run. */
  audit?: (caseId: string) => AuditSink;
  /** Chat models per role. LLM mode is not built yet: only offline mode runs. */
  models?: RoleModels;
  now?: () => Date;
}

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

  return async function investigate(
    input: CaseInput & { id?: string; runId?: string },
  ): Promise<InvestigationResult> {
    const { id: _id, runId: _runId, ...request } = input;
    const parsed = CaseInput.parse(request);
    const asOf = parsed.asOf
      ? new Date(parsed.asOf).toISOString()
      : await warehouseAsOf(app, now());
    const theCase = Case.parse({
      ...parsed,
      id: input.id ?? randomUUID(),
      createdAt: now().toISOString(),
    });
    let baselines = caches.get(asOf);
    if (!baselines) {
      baselines = createBaselineCache(options.warehouse, app, asOf);
      caches.set(asOf, baselines);
    }
    const runId = input.runId ?? randomUUID();
    const audit = (options.audit ?? createMemoryAuditSink)(theCase.id);
    const deps: InvestigationDeps = {
      warehouse: options.warehouse,
      app,
      baselines,
      budget,
      models,
      now,
      audit,
      runId,
    };
    const final = await graph.invoke(
      {
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
      },
      {
        configurable: { thread_id: theCase.id, deps },
        recursionLimit: 25 + budget.maxIterations * 10,
      },
    );
    if (!final.verdict) throw new Error(`case ${theCase.id} ended without a verdict`);
    return { verdict: final.verdict, evidence: final.evidence, readings: final.readings, runId };
  };
}
