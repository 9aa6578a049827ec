// finalize: assemble the verdict from the checked judgement (or from the reason the
// run could not decide) and validate it against its schema.
import type { RunnableConfig } from "@langchain/core/runnables";
import { thinEvidence } from "../../agents/reasoning/coverage.js";
import { findGuidance } from "../../agents/reasoning/guidance.js";
import { hashOf } from "../../domain/canonical-json.js";
import { isAppError } from "../../domain/errors.js";
import { decidingPart, Verdict } from "../../domain/verdict.js";
import { depsOf } from "../deps.js";
import type { CaseStateType, CaseUpdate } from "../state.js";
import { wallTimePerStep } from "../step-wall-time.js";
import { elapsedMs } from "./elapsed.js";
import { modelsOf } from "./model-calls.js";
import { evidenceEvent, stepRecorder } from "./record.js";

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export async function finalize(state: CaseStateType, config: RunnableConfig): Promise<CaseUpdate> {
  const deps = depsOf(config);
  const j = state.judgement;
  // A not_fraud drawn from empty windows is no clearance: the run ends undecided instead.
  const thin =
    j && state.unresolved === null && j.decision === "not_fraud"
      ? thinEvidence(state.readings, state.asOf)
      : null;
  const unresolved = state.unresolved ?? thin;
  const undecided = !j || unresolved !== null;
  const typologies = undecided
    ? []
    : [...state.assessments]
        .sort((a, b) => b.probability - a.probability)
        .map((a) => ({ typology: a.typology, confidence: round(a.probability) }));
  const reflection = state.reflection ?? { passed: undecided, issues: [], requested: [] };
  const record = stepRecorder(deps, "finalize", state.iteration);
  const weighed = [...state.assessments].sort((a, b) => b.probability - a.probability)[0];
  // Guidance is a citation, not a condition of the verdict: a corpus that cannot answer
  // leaves it empty.
  const guidance = undecided
    ? []
    : await findGuidance(
        { corpus: deps.corpus, embedder: deps.embedder },
        j,
        weighed?.typology ?? null,
        deps.now().toISOString(),
      ).catch((error: unknown) => {
        if (isAppError(error, "replay_diverged")) throw error;
        return [];
      });
  for (const e of guidance) await record("evidence_added", evidenceEvent(e));
  const decision = undecided ? "insufficient_evidence" : j.decision;
  const verdict = Verdict.parse({
    case_id: state.case.id,
    subject: state.case.subject,
    decision,
    typologies,
    risk_score: undecided ? 0 : round(j.riskScore),
    recommended_action: undecided ? "no_action" : j.action,
    confidence: undecided ? 0 : round(j.confidence),
    findings: undecided ? [] : j.findings,
    counter_evidence: undecided ? [] : j.counter,
    reasoning: undecided ? [unresolved ?? "no judgement was reached"] : j.reasoning,
    assessments: undecided ? [] : state.assessments,
    reflection,
    needs_human_review:
      undecided ||
      !reflection.passed ||
      decision === "suspicious" ||
      state.exhaustion !== null ||
      state.degradations.length > 0,
    partial: state.exhaustion,
    reason: unresolved,
    mode: deps.gateway ? "llm" : "offline",
    models: modelsOf(deps),
    prompt_versions: state.prompts,
    budgets_used: {
      iterations: state.iteration,
      sql_queries: state.usage.sqlQueries,
      rows: state.usage.rows,
      web_calls: state.usage.webCalls,
      wall_ms: await elapsedMs(deps, state.startedAt, "finalize"),
    },
    token_usage: {
      input: state.usage.inputTokens ?? 0,
      output: state.usage.outputTokens ?? 0,
      cost_usd: Math.round((state.usage.costUsd ?? 0) * 1e6) / 1e6,
    },
    degradations: state.degradations,
    guidance: guidance.map((e) => {
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
    evidence_count: state.evidence.length + guidance.length,
    audit_head: await deps.audit.head(),
  });
  await record("verdict", {
    decision: verdict.decision,
    typology: verdict.typologies[0]?.typology ?? null,
    risk_score: verdict.risk_score,
    recommended_action: verdict.recommended_action,
    verdict_hash: hashOf(verdict),
    decision_hash: hashOf(decidingPart(verdict)),
  });
  return { verdict, evidence: guidance };
}
