import { describe, expect, it } from "vitest";
import { reflectOffline } from "../../../agents/reflection/offline.js";
import { makeEvidence } from "../../../domain/evidence.js";
import type { IndicatorReading } from "../../../domain/indicator.js";
import type { Judgement } from "../../../domain/profile.js";
import type { TypologyAssessment } from "../../../domain/verdict.js";

const evidence = makeEvidence(
  {
    kind: "indicator",
    source: { locator: "q", params: [], via: "brushing.buyer_device_sharing" },
    summary: "s",
    data: { value: 0.6 },
    untrusted: false,
  },
  "2026-11-01T00:00:00.000Z",
);
const reading: IndicatorReading = {
  indicator: "brushing.buyer_device_sharing",
  title: "t",
  topics: ["brushing"],
  unit: "share",
  value: 0.6,
  baseline: null,
  percentile: null,
  evidence_id: evidence.id,
};

const judgement: Judgement = {
  decision: "fraud",
  topTypology: "brushing",
  riskScore: 0.97,
  confidence: 0.97,
  action: "restrict",
  findings: [
    {
      claim: "60% share a device",
      typology: "brushing",
      basis: reading.indicator,
      evidence_ids: [evidence.id],
      weight: 3,
      strength: "strong",
    },
  ],
  counter: [],
  reasoning: [],
};
const assessments: TypologyAssessment[] = [
  { typology: "brushing", bias: -4, log_odds: 3.5, probability: 0.97, contributions: [] },
];

describe("the offline reflection", () => {
  it("passes a draft whose findings cite evidence that exists and matches", () => {
    const out = reflectOffline({
      judgement,
      assessments,
      evidence: [evidence],
      readings: [reading],
    });
    expect(out.reflection).toEqual({ passed: true, issues: [], requested: [] });
  });

  it("catches a finding that cites evidence the case does not have", () => {
    const bad = {
      ...judgement,
      findings: [{ ...judgement.findings[0]!, evidence_ids: ["ev_0000000000000000"] }],
    };
    const out = reflectOffline({
      judgement: bad,
      assessments,
      evidence: [evidence],
      readings: [reading],
    });
    expect(out.reflection.passed).toBe(false);
    expect(out.reflection.issues[0]).toContain("not in the case's evidence");
  });

  it("catches a finding whose evidence says something else", () => {
    const out = reflectOffline({
      judgement,
      assessments,
      evidence: [evidence],
      readings: [{ ...reading, value: 0.1 }],
    });
    expect(out.reflection.issues.join()).toContain("does not match its evidence");
  });

  it("downgrades a ban that lacks two independent strong signals", () => {
    const out = reflectOffline({
      judgement: { ...judgement, action: "ban" },
      assessments,
      evidence: [evidence],
      readings: [reading],
    });
    expect(out.judgement.action).toBe("restrict");
    expect(out.reflection.issues.join()).toContain("two independent strong signals");
  });

  it("flags a fraud decision that leaves context counter-evidence unanswered", () => {
    const counter = [
      {
        claim: "a review-bombing campaign",
        typology: null,
        basis: "context.unverified_one_star_burst",
        evidence_ids: [evidence.id],
        weight: 0,
        strength: "moderate" as const,
      },
    ];
    const out = reflectOffline({
      judgement: { ...judgement, counter },
      assessments,
      evidence: [evidence],
      readings: [reading],
    });
    expect(out.reflection.passed).toBe(false);
    expect(out.reflection.issues.join()).toContain("counter-evidence is not answered");
  });

  it("asks the planner for the unread indicators of an uncertain typology", () => {
    const uncertain: TypologyAssessment[] = [
      { typology: "collusion", bias: -3.5, log_odds: -0.5, probability: 0.38, contributions: [] },
    ];
    const out = reflectOffline({
      judgement: {
        ...judgement,
        decision: "not_fraud",
        riskScore: 0.38,
        action: "no_action",
        findings: [],
      },
      assessments: uncertain,
      evidence: [evidence],
      readings: [reading],
    });
    expect(out.reflection.requested).toContain("collusion.shared_payout_account");
    expect(out.reflection.requested).toContain("collusion.undo_rate_120d");
  });

  it("flags a decision outside its risk band", () => {
    const out = reflectOffline({
      judgement: { ...judgement, riskScore: 0.6 },
      assessments,
      evidence: [evidence],
      readings: [reading],
    });
    expect(out.reflection.issues.join()).toContain("does not match risk score");
  });
});
