// The model-driven reflection. The model reviews the draft and may name gaps
// (indicators to read in another round); code keeps only gaps that are catalogued
// indicators not yet read. It never decides: the deterministic checks and policy
// gates of the offline reflection run after it, whatever it said, and both sets of
// issues reach the verdict.
import { z } from "zod";
import type { Evidence } from "../../domain/evidence.js";
import type { IndicatorReading } from "../../domain/indicator.js";
import type { Judgement } from "../../domain/profile.js";
import { promptRef } from "../../prompts/prompt.js";
import { REFLECTION_PROMPT, reflectionMessage } from "../../prompts/reflection.js";
import { INDICATORS } from "../../tools/indicators/catalog/index.js";
import type { ModelGateway } from "../../tools/model/gateway.js";
import { structuredCall } from "../../tools/model/structured.js";
import type { ModelCall } from "../../tools/model/types.js";
import { evidenceDigest } from "../prompt-context.js";

export const ModelReflection = z.object({
  passed: z.boolean(),
  issues: z.array(z.string().min(1).max(500)).max(12),
  requested_indicators: z
    .array(z.string().max(80))
    .max(20)
    .describe("Indicator ids from <unread_indicators> that would settle an uncertain typology"),
});
export type ModelReflection = z.infer<typeof ModelReflection>;

export const SUBMIT_REFLECTION = {
  name: "submit_reflection",
  description: "Submit the review of the draft decision.",
  schema: ModelReflection,
};

export interface LlmReflectionResult {
  reflection: { passed: boolean; issues: string[]; requested: string[] } | null;
  calls: ModelCall[];
  failure: string | null;
}

export async function reflectWithModel(
  gateway: ModelGateway,
  input: {
    judgement: Judgement;
    evidence: readonly Evidence[];
    readings: readonly IndicatorReading[];
  },
): Promise<LlmReflectionResult> {
  const read = new Set(input.readings.map((r) => r.indicator));
  const unread = INDICATORS.filter((i) => !read.has(i.id));
  const j = input.judgement;
  const result = await structuredCall(gateway, "reflection", {
    prompt: promptRef(REFLECTION_PROMPT),
    messages: [
      { role: "system", content: REFLECTION_PROMPT.system },
      {
        role: "user",
        content: reflectionMessage({
          draft: JSON.stringify({
            decision: j.decision,
            typology: j.topTypology,
            risk_score: j.riskScore,
            confidence: j.confidence,
            recommended_action: j.action,
            findings: j.findings.map((f) => ({
              claim: f.claim,
              evidence_ids: f.evidence_ids,
              strength: f.strength,
            })),
            counter_evidence: j.counter.map((f) => ({
              claim: f.claim,
              evidence_ids: f.evidence_ids,
            })),
          }),
          evidence: evidenceDigest(input.evidence),
          unread:
            unread.map((i) => `${i.id} [${i.topics.join(",")}] ${i.title}`).join("\n") || "(none)",
        }),
      },
    ],
    tool: SUBMIT_REFLECTION,
  });
  if (!result.value) return { reflection: null, calls: result.calls, failure: result.failure };
  const known = new Set(unread.map((i) => i.id));
  const requested = [...new Set(result.value.requested_indicators.filter((id) => known.has(id)))];
  return {
    reflection: {
      passed: result.value.passed && result.value.issues.length === 0,
      issues: result.value.issues,
      requested,
    },
    calls: result.calls,
    failure: null,
  };
}
