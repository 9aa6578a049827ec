// The offline reasoner: from typology scores to a draft decision, with findings
// that cite the evidence behind each contribution and counter-evidence stated.
//
//   probability ≥ 0.9  → fraud        (action: ban with two independent strong signals, else restrict)
//   probability ≥ 0.5  → suspicious   (monitor; always for a human to review)
//   otherwise          → not_fraud    (no action) — unless the outlier guard (outliers.ts)
//                        finds a typology's indicators beyond their category's p99 and
//                        no counter-evidence explains them: then suspicious, for review
//   a fraud score that stands on association alone (without its link-analysis terms
//   it would not reach suspicious) is held at suspicious: a seller's links to others
//   are evidence for the reasoner, never a fraud finding on their own
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Judgement } from "../../domain/profile.js";
import type { Finding, TypologyAssessment } from "../../domain/verdict.js";
import { MODELS, STRONG_SIGNAL, type Term } from "./model.js";
import { type OutlierAlarm, outlierAlarm } from "./outliers.js";

export const FRAUD_AT = 0.9;
export const SUSPICIOUS_AT = 0.5;

function formatValue(reading: Pick<IndicatorReading, "value" | "unit">): string {
  const v = reading.value ?? 0;
  if (reading.unit === "share") return `${Math.round(v * 100)}%`;
  if (reading.unit === "count") return String(Math.round(v));
  return v.toFixed(1);
}

function strength(logOdds: number): Finding["strength"] {
  const size = Math.abs(logOdds);
  return size >= STRONG_SIGNAL ? "strong" : size >= 1 ? "moderate" : "weak";
}

function termOf(typology: string, indicator: string): Term | undefined {
  return MODELS.find((m) => m.typology === typology)?.terms.find((t) => t.indicator === indicator);
}

/** Findings (positive contributions) and counter-evidence (negative ones) of one typology. */
function explain(
  assessment: TypologyAssessment,
  readings: Map<string, IndicatorReading>,
): { findings: Finding[]; counter: Finding[] } {
  const findings: Finding[] = [];
  const counter: Finding[] = [];
  for (const c of assessment.contributions) {
    const term = termOf(assessment.typology, c.indicator);
    const reading = readings.get(c.indicator);
    if (!term || !reading || Math.abs(c.log_odds) < 0.25) continue;
    const finding: Finding = {
      claim: term.claim.replace("{value}", formatValue(reading)),
      typology: assessment.typology,
      basis: c.indicator,
      evidence_ids: [c.evidence_id],
      weight: c.log_odds,
      strength: strength(c.log_odds),
    };
    (c.log_odds > 0 ? findings : counter).push(finding);
  }
  findings.sort((a, b) => b.weight - a.weight);
  return { findings, counter };
}

/** Context that speaks for the seller whatever the typology: a campaign against it, genuine demand. */
function contextCounter(readings: Map<string, IndicatorReading>): Finding[] {
  const out: Finding[] = [];
  const bomb = readings.get("context.unverified_one_star_burst");
  if (bomb?.value && bomb.value >= 10) {
    out.push({
      claim: `${Math.round(bomb.value)} one-star reviews without a purchase in 14 days: a campaign against the seller, not by it`,
      typology: null,
      basis: "context.unverified_one_star_burst",
      evidence_ids: [bomb.evidence_id],
      weight: 0,
      strength: "moderate",
    });
  }
  const trend = readings.get("context.volume_trend");
  const established = readings.get("context.established_buyer_share");
  if (trend?.value && trend.value >= 5 && established?.value && established.value >= 0.85) {
    out.push({
      claim: `sales are ${trend.value.toFixed(0)}× their earlier rate, but ${Math.round(established.value * 100)}% of the buyers are established accounts: genuine demand`,
      typology: null,
      basis: "context.volume_trend+context.established_buyer_share",
      evidence_ids: [trend.evidence_id, established.evidence_id],
      weight: 0,
      strength: "moderate",
    });
  }
  return out;
}

function reasoningSteps(assessments: readonly TypologyAssessment[]): string[] {
  return [...assessments]
    .sort((a, b) => b.log_odds - a.log_odds)
    .map((a) => {
      const terms = a.contributions
        .filter((c) => c.log_odds !== 0)
        .map(
          (c) =>
            `${c.log_odds >= 0 ? "+" : "−"} ${Math.abs(c.log_odds).toFixed(2)} (${c.indicator} = ${Number(c.value).toFixed(3)})`,
        );
      return `${a.typology}: ${a.bias.toFixed(2)} (bias) ${terms.join(" ")} = ${a.log_odds.toFixed(2)} log-odds → p = ${a.probability.toFixed(3)}`;
    });
}

/** Two strong signals from different families of evidence: what a ban requires. */
export function independentStrongSignals(findings: readonly Finding[], typology: string): number {
  const families = new Set<string>();
  for (const f of findings) {
    if (f.strength === "strong" && f.typology === typology)
      families.add(termOf(typology, f.basis)?.family ?? f.basis);
  }
  return families.size;
}

/** A finding per outlier: what stands beyond the category's p99, citing its reading. */
function outlierFindings(alarm: OutlierAlarm, readings: Map<string, IndicatorReading>): Finding[] {
  return alarm.outliers.map((o) => {
    const r = readings.get(o.indicator) as IndicatorReading;
    return {
      claim: `${r.title}: ${formatValue({ value: o.value, unit: r.unit })}, beyond the 99th percentile of ${o.scope} (${formatValue({ value: o.p99, unit: r.unit })})${o.farBeyond ? ", far beyond it" : ""}`,
      typology: alarm.typology,
      basis: o.indicator,
      evidence_ids: [o.evidence_id],
      weight: 0,
      strength: "moderate",
    };
  });
}

/** Counter-evidence explains an alarm: context that speaks for the seller, or the typology's own counter-signals. */
function explained(
  alarm: OutlierAlarm,
  assessments: readonly TypologyAssessment[],
  context: readonly Finding[],
): boolean {
  if (context.length > 0) return true;
  const own = assessments.find((a) => a.typology === alarm.typology);
  const against = (own?.contributions ?? []).reduce((s, c) => s + Math.min(0, c.log_odds), 0);
  return against <= -STRONG_SIGNAL / 2;
}

/** Log-odds a typology's score owes to link analysis: its association with other sellers. */
function associationLogOdds(assessment: TypologyAssessment): number {
  return assessment.contributions.reduce(
    (sum, c) =>
      sum + (termOf(assessment.typology, c.indicator)?.source === "links" ? c.log_odds : 0),
    0,
  );
}

/** True when the seller's own evidence, without its links to others, would not reach suspicious. */
export function standsOnAssociation(assessment: TypologyAssessment): boolean {
  const p = Math.min(Math.max(assessment.probability, 1e-12), 1 - 1e-12);
  const own = Math.log(p / (1 - p)) - associationLogOdds(assessment);
  return 1 / (1 + Math.exp(-own)) < SUSPICIOUS_AT;
}

export interface Decided {
  decision: "fraud" | "suspicious" | "not_fraud";
  /** A fraud-band score held at suspicious because it stood on association alone. */
  associationOnly: boolean;
  top: TypologyAssessment | undefined;
  /** The outlier guard's alarm when it kept a not_fraud score from clearing the seller. */
  alarm: OutlierAlarm | null;
  context: Finding[];
}

/** The decision alone (what judge decides, without the explanation): bands, then the outlier guard. */
export function decide(
  assessments: readonly TypologyAssessment[],
  readings: readonly IndicatorReading[],
  byId: Map<string, IndicatorReading> = new Map(readings.map((r) => [r.indicator, r])),
): Decided {
  const top = [...assessments].sort((a, b) => b.probability - a.probability)[0];
  const risk = top?.probability ?? 0;
  const scored = risk >= FRAUD_AT ? "fraud" : risk >= SUSPICIOUS_AT ? "suspicious" : "not_fraud";
  const associationOnly = scored === "fraud" && top !== undefined && standsOnAssociation(top);
  const banded = associationOnly ? "suspicious" : scored;
  const context = contextCounter(byId);
  const candidate = banded === "not_fraud" ? outlierAlarm(readings) : null;
  const alarm = candidate && !explained(candidate, assessments, context) ? candidate : null;
  return { decision: alarm ? "suspicious" : banded, associationOnly, top, alarm, context };
}

export function judge(
  assessments: readonly TypologyAssessment[],
  readings: readonly IndicatorReading[],
): Judgement {
  const byId = new Map(readings.map((r) => [r.indicator, r]));
  const { decision, associationOnly, top, alarm, context } = decide(assessments, readings, byId);
  const risk = top?.probability ?? 0;
  const explanation = top ? explain(top, byId) : { findings: [], counter: [] };
  const counter = [...explanation.counter, ...context];
  if (alarm) {
    const scored = assessments.find((a) => a.typology === alarm.typology);
    return {
      decision: "suspicious",
      topTypology: alarm.typology,
      riskScore: risk,
      confidence: Math.max(risk, 1 - risk),
      action: "monitor",
      findings: outlierFindings(alarm, byId),
      counter,
      reasoning: [
        ...reasoningSteps(assessments),
        `outlier guard: ${alarm.outliers.length} ${alarm.typology} indicator(s) beyond their category's 99th percentile (${alarm.outliers.map((o) => o.indicator).join(", ")}) with nothing to explain them, though the model scores p = ${(scored?.probability ?? 0).toFixed(3)}: not cleared, suspicious for a human to review`,
      ],
      outlierGuard: {
        typology: alarm.typology,
        indicators: alarm.outliers.map((o) => o.indicator),
      },
    };
  }
  const strong = top ? independentStrongSignals(explanation.findings, top.typology) : 0;
  const action =
    decision === "fraud"
      ? strong >= 2
        ? "ban"
        : "restrict"
      : decision === "suspicious"
        ? "monitor"
        : "no_action";
  return {
    decision,
    topTypology: decision === "not_fraud" ? null : (top?.typology ?? null),
    riskScore: risk,
    confidence: Math.max(risk, 1 - risk),
    action,
    findings: decision === "not_fraud" ? [] : explanation.findings,
    counter,
    reasoning: associationOnly
      ? [
          ...reasoningSteps(assessments),
          `association only: ${top?.typology} scores p = ${risk.toFixed(3)}, but without its links to other sellers the seller's own evidence would not reach suspicious; held at suspicious for a human to review`,
        ]
      : reasoningSteps(assessments),
  };
}
