// What the graph's nodes need from outside, passed at invocation through
// `configurable.deps` so tests can hand in fakes. Models are absent in offline mode.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { GuardedQuery } from "../agents/sql-retrieval/llm.js";
import type { Queryable } from "../db/types.js";
import type { Budget } from "../domain/budget.js";
import type { ModelRole } from "../domain/model-role.js";
import type { ModelWeights } from "../domain/weights.js";
import type { BaselineCache } from "../tools/indicators/baselines.js";
import type { DegreeProfile } from "../tools/links/types.js";
import type { ModelGateway } from "../tools/model/gateway.js";
import type { SearchProvider } from "../tools/search/types.js";
import type { SimilarSellersAnswer } from "../tools/similar/index.js";
import type { SqlPolicy } from "../tools/sql/policy.js";
import type { Embedder } from "../tools/vector/types.js";
import type { AuditSink } from "./audit-sink.js";
import type { Recorder } from "./recorder.js";

export type { ModelRole };
export type RoleModels = Partial<Record<ModelRole, BaseChatModel>>;

export interface InvestigationDeps {
  /** The risk warehouse (schema `risk`), read only, through the recorder. */
  warehouse: Queryable;
  /** The case store (casehound.cases, verdicts), read only, through the recorder: cases of linked sellers. */
  cases: Queryable;
  /** The document corpus (casehound.documents), read only, through the recorder. */
  corpus: Queryable;
  /** Embeds search queries (through the recorder); null: full-text search only. */
  embedder: Embedder | null;
  /** Outside web-search providers (through the recorder); the local corpus is always searched. */
  searchProviders: SearchProvider[];
  /** Category baselines, through the recorder. */
  baselines: BaselineCache;
  /** The warehouse's spread of attribute degrees for an as-of (link analysis's hub cut), through the recorder. */
  linkProfile: (asOf: string) => Promise<DegreeProfile>;
  /** The sellers that look most like a seller at an as-of (null: no profiled snapshot holds it), through the recorder. */
  similarSellers?: (sellerId: string, asOf: string) => Promise<SimilarSellersAnswer | null>;
  /** The offline reasoner's weights, through the recorder (a replay decides with the recorded ones). */
  weights: () => Promise<ModelWeights>;
  /** Where every outside answer is recorded (live) or read back (replay). */
  recorder: Recorder;
  budget: Budget;
  /** Where the run's audit trail goes. */
  audit: AuditSink;
  /** This run's id: with node, round and task it keys every side effect. */
  runId: string;
  /** Chat models per role; empty in offline mode. */
  models: RoleModels;
  /** The one way agents reach a model (redacted, recorded, retried); null offline. */
  gateway: ModelGateway | null;
  /** Model-written SQL, already allowed by the guard, run read-only and recorded. */
  modelSql: GuardedQuery;
  /** What model-written SQL may touch. */
  sqlPolicy: SqlPolicy;
  /** Wall clock, injectable so runs are reproducible in tests. */
  now: () => Date;
}

export function depsOf(config: RunnableConfig | undefined): InvestigationDeps {
  const deps = (config?.configurable as { deps?: InvestigationDeps } | undefined)?.deps;
  if (!deps) throw new Error("investigation graph invoked without configurable.deps");
  return deps;
}
