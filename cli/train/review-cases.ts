// Analysts' reviews as labelled cases for training: the decision that stands after
// a review (an override is a label) against the readings the verdict was made from.
// A case whose decision stands as fraud or suspicious is a case of the typology its
// verdict named; not_fraud is a case of none; insufficient_evidence teaches nothing.
import type { LabelledCase } from "../../agents/reasoning/train.js";
import { reviewedReadings } from "../../db/repositories/reviewed-readings.js";
import type { Database } from "../../db/types.js";
import { IndicatorReading } from "../../domain/indicator.js";
import { Typology } from "../../domain/typology.js";
import { indicatorById } from "../../tools/indicators/catalog/index.js";

export interface ReviewCases {
  cases: LabelledCase[];
  /** Reviews that could not become a label, and why. */
  skipped: { caseId: string; why: string }[];
}

export async function reviewCases(db: Database): Promise<ReviewCases> {
  const cases: LabelledCase[] = [];
  const skipped: ReviewCases["skipped"] = [];
  for (const reviewed of await reviewedReadings(db)) {
    let truth: LabelledCase["truth"];
    if (reviewed.decision === "not_fraud") truth = "none";
    else if (reviewed.decision === "fraud" || reviewed.decision === "suspicious") {
      const typology = Typology.safeParse(reviewed.typology);
      if (!typology.success) {
        skipped.push({ caseId: reviewed.caseId, why: "its verdict names no typology" });
        continue;
      }
      truth = typology.data;
    } else {
      skipped.push({ caseId: reviewed.caseId, why: `decision ${reviewed.decision} is no label` });
      continue;
    }
    const readings: IndicatorReading[] = [];
    for (const { evidenceId, data } of reviewed.indicators) {
      const definition = indicatorById(String(data.indicator));
      if (!definition) continue; // an indicator since retired
      const parsed = IndicatorReading.safeParse({
        indicator: definition.id,
        title: definition.title,
        topics: definition.topics,
        unit: data.unit ?? definition.unit,
        value: data.value ?? null,
        baseline: data.baseline ?? null,
        percentile: data.percentile ?? null,
        evidence_id: evidenceId,
      });
      if (parsed.success) readings.push(parsed.data);
    }
    if (readings.length === 0) {
      skipped.push({ caseId: reviewed.caseId, why: "no indicator evidence is stored with it" });
      continue;
    }
    cases.push({ truth, readings });
  }
  return { cases, skipped };
}
