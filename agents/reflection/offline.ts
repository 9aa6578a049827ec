// The offline reflection: checks the reasoner's draft before it becomes a verdict.
//  - every finding cites evidence that exists, and that evidence says what the claim says;
//  - counter-evidence against a fraud decision is answered (else a human decides);
//  - policy gates: `ban` needs two independent strong signals;
//  - the confidence matches the decision's band;
//  - an uncertain typology whose indicators were not all read is a named gap the
//    planner is asked to fill while the budget allows.
import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Judgement } from "../../domain/profile.js";
import type { Reflection, TypologyAssessment } from "../../domain/verdict.js";
import { indicatorsFor } from "../reasoning/model.js";
import { FRAUD_AT, independentStrongSignals, SUSPICIOUS_AT } from "../reasoning/offline.js";

export interface ReflectionInput {
  judgement: Judgement;
  assessments: readonly TypologyAssessment[];
  evidence: readonly Evidence[];
  readings: readonly IndicatorReading[];
}

export interface ReflectionOutcome {
  reflection: Reflection;
  /** The judgement after the policy gates (an unjustified ban becomes a restriction). */
  judgement: Judgement;
}

/** Uncertain typologies: the band in which more evidence could change the decision. */
const UNCERTAIN = { from: 0.2, to: FRAUD_AT };

function evidenceValue(evidence: Evidence | undefined): number | null | undefined {
  const data = evidence?.data as { value?: number | null } | undefined;
  return data?.value;
}

export function reflectOffline(input: ReflectionInput): ReflectionOutcome {
  const issues: string[] = [];
  const byId = new Map(input.evidence.map((e) => [e.id, e]));
  const readings = new Map(input.readings.map((r) => [r.indicator, r]));
  let judgement = input.judgement;

  for (const finding of [...judgement.findings, ...judgement.counter]) {
    for (const id of finding.evidence_ids) {
      const cited = byId.get(id);
      if (!cited) {
        issues.push(`"${finding.claim}" cites ${id}, which is not in the case's evidence`);
        continue;
      }
      const reading = readings.get(finding.basis);
      if (reading && reading.evidence_id === id && evidenceValue(cited) !== reading.value) {
        issues.push(`"${finding.claim}" does not match its evidence ${id}`);
      }
    }
  }

  if (judgement.decision === "fraud" && judgement.counter.some((c) => c.typology === null)) {
    issues.push(
      `counter-evidence is not answered by the model: ${judgement.counter
        .filter((c) => c.typology === null)
        .map((c) => c.claim)
        .join("; ")}`,
    );
  }

  if (
    (judgement.decision === "fraud" || judgement.decision === "suspicious") &&
    judgement.findings.length === 0
  ) {
    issues.push(
      `a ${judgement.decision} decision must rest on findings that cite evidence; none do, so no action is taken beyond monitoring`,
    );
    judgement = { ...judgement, decision: "suspicious", action: "monitor" };
  }

  if (
    judgement.action === "ban" &&
    judgement.topTypology &&
    independentStrongSignals(judgement.findings, judgement.topTypology) < 2
  ) {
    issues.push("a ban needs two independent strong signals; downgraded to restrict");
    judgement = { ...judgement, action: "restrict" };
  }

  const band =
    judgement.riskScore >= FRAUD_AT
      ? "fraud"
      : judgement.riskScore >= SUSPICIOUS_AT
        ? "suspicious"
        : "not_fraud";
  const guard = judgement.outlierGuard;
  if (guard)
    issues.push(
      `${guard.typology} is not cleared: ${guard.indicators.length} of its indicators stand beyond their category's 99th percentile (${guard.indicators.join(", ")}) and nothing read explains them; the model's weights may not fit this marketplace, so a human decides`,
    );
  else if (band !== judgement.decision)
    issues.push(
      `decision ${judgement.decision} does not match risk score ${judgement.riskScore.toFixed(3)}`,
    );

  const requested: string[] = [];
  for (const assessment of input.assessments) {
    if (assessment.probability < UNCERTAIN.from || assessment.probability >= UNCERTAIN.to) continue;
    const missing = indicatorsFor(assessment.typology).filter((id) => !readings.has(id));
    if (missing.length) {
      issues.push(
        `${assessment.typology} is uncertain (p = ${assessment.probability.toFixed(2)}) and ${missing.length} of its indicators were not read`,
      );
      requested.push(...missing);
    }
  }

  return {
    reflection: { passed: issues.length === 0, issues, requested: [...new Set(requested)] },
    judgement,
  };
}
