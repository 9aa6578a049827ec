// The verdict: what was decided, why, from which evidence, and how it was checked.
import { z } from "zod";
import { Subject } from "./case.js";
import { BaselineSnapshotRef } from "./indicator.js";
import { ModelRole } from "./model-role.js";
import { Typology } from "./typology.js";
import { DECISION_NAMES } from "./vocabulary.js";

export const Decision = z.enum(DECISION_NAMES);
export type Decision = z.infer<typeof Decision>;

export const RecommendedAction = z.enum(["ban", "restrict", "monitor", "no_action"]);
export type RecommendedAction = z.infer<typeof RecommendedAction>;

export const Finding = z.object({
  claim: z.string().min(1),
  typology: Typology.nullable(),
  /** What the claim rests on: an indicator id, or the rule that produced it. */
  basis: z.string(),
  /** Evidence ids the claim rests on; every one must exist in the case's evidence. */
  evidence_ids: z.array(z.string()).min(1),
  /** Additive log-odds contribution (positive supports fraud, negative refutes it). */
  weight: z.number(),
  /** A strong signal is one that alone moves the odds a lot (used by the ban gate). */
  strength: z.enum(["strong", "moderate", "weak"]),
});
export type Finding = z.infer<typeof Finding>;

export const Contribution = z.object({
  indicator: z.string(),
  value: z.number().nullable(),
  /** Log-odds added by this indicator; the contributions and the bias sum to the log-odds exactly. */
  log_odds: z.number(),
  evidence_id: z.string(),
});

export const TypologyAssessment = z.object({
  typology: Typology,
  bias: z.number(),
  log_odds: z.number(),
  probability: z.number().min(0).max(1),
  contributions: z.array(Contribution),
});
export type TypologyAssessment = z.infer<typeof TypologyAssessment>;

export const Reflection = z.object({
  passed: z.boolean(),
  issues: z.array(z.string()),
  /** Evidence the reflection asked the planner for (named gaps). */
  requested: z.array(z.string()),
});
export type Reflection = z.infer<typeof Reflection>;

export const Degradation = z.object({
  role: ModelRole,
  /** What went wrong: the model's error after its retries, or output that stayed invalid after repair. */
  reason: z.string(),
  /** What ran instead. */
  fallback: z.string(),
});
export type Degradation = z.infer<typeof Degradation>;

/**
 * The smallest change of one indicator (in its category's spreads, p50 to p99) that
 * would have moved the decision to its neighbour, computed exactly for the offline
 * reasoner: applied to the readings, it reaches `to`.
 */
export const Counterfactual = z.object({
  to: Decision,
  indicator: z.string(),
  from_value: z.number(),
  to_value: z.number(),
  /** How far the value moves, in spreads of the seller's category. */
  spreads: z.number().nonnegative(),
  evidence_id: z.string(),
  statement: z.string(),
});
export type Counterfactual = z.infer<typeof Counterfactual>;

/** A case of a seller linked to this one (link analysis): open or decided, to be read together. */
export const RelatedCase = z.object({
  case_id: z.string(),
  seller_id: z.string(),
  /** The case's state in the case store when the run looked. */
  status: z.string(),
  /** Its latest verdict's decision; null while it is open. */
  decision: Decision.nullable(),
  /** Hops from this seller in the entity graph (1: linked directly). */
  hop: z.number().int().min(1),
  /** The attribute kinds of the links on the way (device, ip, payout_account, address). */
  via: z.array(z.string()),
  /** The link evidence that shows the connection. */
  evidence_id: z.string(),
});
export type RelatedCase = z.infer<typeof RelatedCase>;

export const Verdict = z.object({
  case_id: z.string(),
  subject: Subject,
  decision: Decision,
  typologies: z.array(z.object({ typology: Typology, confidence: z.number().min(0).max(1) })),
  risk_score: z.number().min(0).max(1),
  recommended_action: RecommendedAction,
  confidence: z.number().min(0).max(1),
  findings: z.array(Finding),
  counter_evidence: z.array(Finding),
  reasoning: z.array(z.string()),
  assessments: z.array(TypologyAssessment),
  reflection: Reflection,
  needs_human_review: z.boolean(),
  /** Set when a budget ran out: the verdict rests on what was gathered until then. */
  partial: z.object({ budget: z.string(), detail: z.string() }).nullable(),
  /** Why the run could not decide (unknown subject...), when it could not. */
  reason: z.string().nullable(),
  mode: z.enum(["offline", "llm"]),
  models: z.record(z.string(), z.string()),
  prompt_versions: z.record(z.string(), z.string()),
  budgets_used: z.object({
    iterations: z.number().int(),
    sql_queries: z.number().int(),
    rows: z.number().int(),
    web_calls: z.number().int(),
    wall_ms: z.number(),
  }),
  token_usage: z.object({
    input: z.number().int(),
    output: z.number().int(),
    /** What the tokens cost by the configured price table (0 offline or for unpriced models). */
    cost_usd: z.number().min(0).default(0),
  }),
  /**
   * The version of the additive model's weights the typology scores come from
   * (agents/reasoning/weights); null in verdicts stored before weights were versioned.
   */
  weights_version: z.string().nullable().default(null),
  /** Per neighbouring decision, the smallest single-indicator change that reaches it (offline reasoner). */
  counterfactuals: z.array(Counterfactual).default([]),
  /** Where a model failed and its deterministic counterpart took over. */
  degradations: z.array(Degradation).default([]),
  /** Knowledge-base passages (typology playbook, enforcement policy) the decision follows. */
  guidance: z
    .array(z.object({ evidence_id: z.string(), doc_id: z.string(), heading: z.string() }))
    .default([]),
  /** Untrusted text that tried to steer the investigation (evidence of kind manipulation_attempt). */
  manipulation_attempts: z
    .array(z.object({ evidence_id: z.string(), summary: z.string() }))
    .default([]),
  /**
   * Milliseconds per graph step, summed over its tasks and its rounds. Parallel
   * tasks (one sqlRetrieval per Send) overlap, so a step's sum can exceed the run's
   * wall time; step_wall_ms says how long the step actually held up the run.
   */
  timings: z.record(z.string(), z.number()),
  /**
   * Wall-clock milliseconds per graph step: how long any of its tasks was running,
   * overlaps counted once, over all rounds. Empty in verdicts stored before it was measured.
   */
  step_wall_ms: z.record(z.string(), z.number()).default({}),
  as_of: z.string(),
  /**
   * The baseline snapshot the indicators were compared against (its id and the
   * instant it describes); null in verdicts stored before snapshots existed, or when
   * no comparison was made.
   */
  baseline_snapshot: BaselineSnapshotRef.nullable().default(null),
  evidence_count: z.number().int(),
  audit_head: z.string().nullable(),
  /**
   * Cases that belong together: open or decided cases of sellers linked to this one.
   * Absent when there are none, so such a verdict hashes as before the field existed.
   */
  related_cases: z.array(RelatedCase).optional(),
});
export type Verdict = z.infer<typeof Verdict>;

/**
 * The part of a verdict that a replay must reproduce exactly: everything but how
 * long the run's steps took (timings, step_wall_ms) and the audit chain's head when
 * it was written. Its hash is the verdict's decision hash. A verdict naming no
 * baseline snapshot leaves the field out, so it hashes as verdicts stored before
 * the field existed did (their replays stay identical).
 */
export function decidingPart(verdict: Verdict): Omit<
  Verdict,
  "timings" | "step_wall_ms" | "audit_head" | "baseline_snapshot"
> & {
  baseline_snapshot?: Verdict["baseline_snapshot"];
} {
  const { timings: _t, step_wall_ms: _w, audit_head: _h, baseline_snapshot, ...rest } = verdict;
  return baseline_snapshot === null ? rest : { ...rest, baseline_snapshot };
}
