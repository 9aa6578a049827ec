// The verdict of a run, assembled from its final state: the checked judgement, or the
// reason the run could not decide (an unresolved subject, or a not_fraud drawn from
// empty windows, which is no clearance), validated against its schema.
import { thinEvidence } from "../agents/reasoning/coverage.js";
import type { Evidence } from "../domain/evidence.js";
import { Verdict } from "../domain/verdict.js";
import type { CaseStateType } from "./state.js";
import { wallTimePerStep } from "./step-wall-time.js";

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Why the subject could not be judged: unresolved, or cleared on thin evidence; else null. */
export function unresolvedOf(state: CaseStateType): string | null {
  const j = state.judgement;
  const thin =
    j && state.unresolved === null && j.decision === "not_fraud"
      ? thinEvidence(state.readings, state.asOf)
      : null;
  return state.unresolved ?? thin;
}

/** True when the run ends without a decision (insufficient_evidence). */
export const isUndecided = (state: CaseStateType): boolean =>
  !state.judgement || unresolvedOf(state) !== null;

export interface RunFacts {
  mode: "llm" | "offline";
  models: Record<string, string>;
  wallMs: number;
  auditHead: string | null;
  guidance: Evidence[];
}

/** The snapshot the readings were compared against (one per case); null when none was. */
export function baselineSnapshotOf(state: CaseStateType): Verdict["baseline_snapshot"] {
  for (const reading of state.readings) {
    const snapshot = reading.baseline?.snapshot;
    if (snapshot) return { id: snapshot.id, as_of: snapshot.as_of };
  }
  return null;
}

export function assembleVerdict(state: CaseStateType, facts: RunFacts): Verdict {
  const unresolved = unresolvedOf(state);
  const j = isUndecided(state) ? null : state.judgement;
  const reflection = state.reflection ?? { passed: j === null, issues: [], requested: [] };
  const decision = j ? j.decision : "insufficient_evidence";
  return Verdict.parse({
    case_id: state.case.id,
    subject: state.case.subject,
    decision,
    typologies: j
      ? [...state.assessments]
          .sort((a, b) => b.probability - a.probability)
          .map((a) => ({ typology: a.typology, confidence: round(a.probability) }))
      : [],
    risk_score: j ? round(j.riskScore) : 0,
    recommended_action: j ? j.action : "no_action",
    confidence: j ? round(j.confidence) : 0,
    findings: j ? j.findings : [],
    counter_evidence: j ? j.counter : [],
    reasoning: j ? j.reasoning : [unresolved ?? "no judgement was reached"],
    assessments: j ? state.assessments : [],
    reflection,
    needs_human_review:
      !j ||
      !reflection.passed ||
      decision === "suspicious" ||
      state.exhaustion !== null ||
      state.degradations.length > 0,
    partial: state.exhaustion,
    reason: unresolved,
    mode: facts.mode,
    models: facts.models,
    prompt_versions: state.prompts,
    weights_version: j?.weightsVersion ?? null,
    counterfactuals: j?.counterfactuals ?? [],
    budgets_used: {
      iterations: state.iteration,
      sql_queries: state.usage.sqlQueries,
      rows: state.usage.rows,
      web_calls: state.usage.webCalls,
      wall_ms: facts.wallMs,
    },
    token_usage: {
      input: state.usage.inputTokens ?? 0,
      output: state.usage.outputTokens ?? 0,
      cost_usd: Math.round((state.usage.costUsd ?? 0) * 1e6) / 1e6,
    },
    degradations: state.degradations,
    guidance: facts.guidance.map((e) => {
      const data = e.data as { doc_id: string; heading: string };
      return { evidence_id: e.id, doc_id: data.doc_id, heading: data.heading };
    }),
    manipulation_attempts: state.evidence
      .filter((e) => e.kind === "manipulation_attempt")
      .map((e) => ({ evidence_id: e.id, summary: e.summary })),
    timings: Object.fromEntries(
      Object.entries(state.timings).map(([k, v]) => [k, Math.round(v * 10) / 10]),
    ),
    step_wall_ms: wallTimePerStep(state.spans ?? {}),
    as_of: state.asOf,
    baseline_snapshot: baselineSnapshotOf(state),
    evidence_count: state.evidence.length + facts.guidance.length,
    audit_head: facts.auditHead,
    ...(state.relatedCases?.length ? { related_cases: state.relatedCases } : {}),
  });
}
