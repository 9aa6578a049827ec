// The investigation graph's state. Reducers are explicit: evidence and readings
// accumulate (deduplicated by id), usage adds up, timings add up and spans gather per node; every
// other field is replaced by the node that sets it.
import { Annotation } from "@langchain/langgraph";
import { addUsage, type Exhaustion, NO_USAGE, type Usage } from "../domain/budget.js";
import type { Case } from "../domain/case.js";
import { type Evidence, mergeEvidence } from "../domain/evidence.js";
import type { IndicatorReading } from "../domain/indicator.js";
import type { Judgement, SellerProfile } from "../domain/profile.js";
import type { Task } from "../domain/task.js";
import type {
  Degradation,
  Reflection,
  RelatedCase,
  TypologyAssessment,
  Verdict,
} from "../domain/verdict.js";
import type { Span } from "./step-wall-time.js";

function mergeReadings(
  current: IndicatorReading[],
  incoming: IndicatorReading[],
): IndicatorReading[] {
  const byId = new Map(current.map((r) => [r.indicator, r]));
  for (const reading of incoming)
    if (!byId.has(reading.indicator)) byId.set(reading.indicator, reading);
  return [...byId.values()];
}

function mergeRelatedCases(current: RelatedCase[], incoming: RelatedCase[]): RelatedCase[] {
  const seen = new Set(current.map((c) => c.case_id));
  return [...current, ...incoming.filter((c) => !seen.has(c.case_id))];
}

function addTimings(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function addSpans(a: Record<string, Span[]>, b: Record<string, Span[]>): Record<string, Span[]> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

export const CaseState = Annotation.Root({
  /** The case as submitted (validated). */
  case: Annotation<Case>,
  /** The instant the investigation looks from (ISO). */
  asOf: Annotation<string>,
  /** When the run started (epoch ms), for the wall-time budget. */
  startedAt: Annotation<number>,
  /** The resolved subject; null until intake, and when the subject is unknown. */
  profile: Annotation<SellerProfile | null>,
  /** Why the run cannot decide (unknown subject...), when it cannot. */
  unresolved: Annotation<string | null>,
  /** Planning rounds started so far. */
  iteration: Annotation<number>,
  /** The tasks of the current round. */
  tasks: Annotation<Task[]>,
  /** Indicator ids the reflection asked for (named gaps). */
  requested: Annotation<string[]>,
  /** Everything found, deduplicated by content-addressed id. */
  evidence: Annotation<Evidence[]>({ reducer: mergeEvidence, default: () => [] }),
  /** Indicator readings, one per indicator. */
  readings: Annotation<IndicatorReading[]>({ reducer: mergeReadings, default: () => [] }),
  /** Budget spent so far. */
  usage: Annotation<Usage, Partial<Usage>>({ reducer: addUsage, default: () => NO_USAGE }),
  /** The first budget that ran out, if one did (parallel workers may both report one). */
  exhaustion: Annotation<Exhaustion | null>({ reducer: (a, b) => a ?? b, default: () => null }),
  /** Cases of sellers linked to this one (link analysis), one per case id. */
  relatedCases: Annotation<RelatedCase[]>({ reducer: mergeRelatedCases, default: () => [] }),
  /** Per-typology scores from the reasoner. */
  assessments: Annotation<TypologyAssessment[]>,
  /** The reasoner's draft decision. */
  judgement: Annotation<Judgement | null>,
  /** The reflection's verdict on the draft. */
  reflection: Annotation<Reflection | null>,
  /** The final verdict. */
  verdict: Annotation<Verdict | null>,
  /** Where a model failed and its deterministic counterpart took over (LLM mode). */
  degradations: Annotation<Degradation[]>({
    reducer: (a, b) => [...a, ...b],
    default: () => [],
  }),
  /** The prompts the run's model calls used: id → version:hash. */
  prompts: Annotation<Record<string, string>>({
    reducer: (a, b) => ({ ...a, ...b }),
    default: () => ({}),
  }),
  /** Milliseconds spent per node, summed over its parallel tasks and its rounds. */
  timings: Annotation<Record<string, number>>({ reducer: addTimings, default: () => ({}) }),
  /** When each node's tasks ran (epoch ms), for its wall time: parallel tasks overlap. */
  spans: Annotation<Record<string, Span[]>>({ reducer: addSpans, default: () => ({}) }),
});

export type CaseStateType = typeof CaseState.State;
export type CaseUpdate = typeof CaseState.Update;
