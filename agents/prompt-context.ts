// How the evidence a case gathered is shown to a model: indicator readings as a
// table of structured features, trusted evidence as bounded JSON lines, and
// anything a seller, buyer or web page wrote only inside an untrusted block with
// its provenance. The gateway redacts all of it before it leaves.
import type { Evidence } from "../domain/evidence.js";
import type { IndicatorReading } from "../domain/indicator.js";
import type { TypologyAssessment } from "../domain/verdict.js";
import { textOf } from "../tools/untrusted/attempts.js";
import { untrustedBlock } from "../tools/untrusted/quote.js";

function bounded(value: unknown, max: number): string {
  const text = JSON.stringify(value) ?? "null";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function indicatorTable(readings: readonly IndicatorReading[]): string {
  const header = "indicator | value | unit | category p50/p90/p99 | percentile | evidence";
  const lines = readings.map((r) => {
    const b = r.baseline ? `${r.baseline.p50}/${r.baseline.p90}/${r.baseline.p99}` : "n/a";
    const pct = r.percentile === null ? "n/a" : r.percentile.toFixed(2);
    return `${r.indicator} | ${r.value ?? "null"} | ${r.unit} | ${b} | ${pct} | ${r.evidence_id}`;
  });
  return [header, ...lines].join("\n");
}

export function scoreTable(assessments: readonly TypologyAssessment[]): string {
  return [...assessments]
    .sort((a, b) => b.probability - a.probability)
    .map((a) => `${a.typology}: log-odds ${a.log_odds.toFixed(2)}, p = ${a.probability.toFixed(3)}`)
    .join("\n");
}

/** Evidence besides the indicator table (indicator samples only when they carry seller or buyer text). */
export function evidenceDigest(evidence: readonly Evidence[], max = 40): string {
  const shown = evidence.filter((e) => e.kind !== "indicator" || e.untrusted).slice(-max);
  if (shown.length === 0) return "(none)";
  return shown
    .map((e) => {
      const head = `${e.id} [${e.kind}, via ${e.source.via}] ${e.summary}`;
      if (!e.untrusted) return `${head}\n  data: ${bounded(e.data, 800)}`;
      return `${head}\n${untrustedBlock({
        label: e.kind,
        provenance: { source: e.source.locator.slice(0, 200), evidence: e.id },
        text: textOf(e.data),
        maxChars: 1_500,
      })}`;
    })
    .join("\n");
}
