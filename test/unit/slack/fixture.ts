// A decided case as the bot reads it (CaseDetail with its verdict) and its evidence,
// with seller-written text and personal data where a careless message would leak them.
import type { CaseDetail } from "../../../db/repositories/case-views.js";
import type { Evidence } from "../../../domain/evidence.js";
import { Verdict } from "../../../domain/verdict.js";

export const HASH = "a1".repeat(32);
const ev = (n: number) => `ev_${String(n).padStart(16, "0")}`;

export const EVIDENCE: Evidence[] = [
  {
    id: ev(1),
    kind: "indicator",
    source: { locator: "SELECT …", params: [], via: "new_buyer_share" },
    retrieved_at: "2026-11-01T00:00:00Z",
    summary: "82% of orders from buyers younger than 7 days",
    data: null,
    content_hash: "0".repeat(64),
    untrusted: false,
  },
  {
    id: ev(2),
    kind: "sql",
    source: { locator: "SELECT body FROM risk.reviews", params: [], via: "sql" },
    retrieved_at: "2026-11-01T00:00:00Z",
    summary:
      "Review: <!channel> Great seller!! *5 stars* write me at jane.doe@example.com <https://evil.example|prize>",
    data: null,
    content_hash: "1".repeat(64),
    untrusted: true,
  },
];

export function decidedCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  const verdict = Verdict.parse({
    case_id: "case-1",
    subject: { type: "seller", id: "slr_42" },
    decision: "fraud",
    typologies: [{ typology: "brushing", confidence: 0.93 }],
    risk_score: 0.91,
    recommended_action: "restrict",
    confidence: 0.8,
    findings: [
      {
        claim: "Most buyers are days old",
        typology: "brushing",
        basis: "new_buyer_share",
        evidence_ids: [ev(1)],
        weight: 1.4,
        strength: "strong",
      },
      {
        claim: "Reviews are templated",
        typology: "brushing",
        basis: "review_template",
        evidence_ids: [ev(2)],
        weight: 0.9,
        strength: "moderate",
      },
      {
        claim: "Small effect",
        typology: null,
        basis: "x",
        evidence_ids: [ev(1)],
        weight: 0.1,
        strength: "weak",
      },
      {
        claim: "Another",
        typology: null,
        basis: "y",
        evidence_ids: [ev(1)],
        weight: -0.2,
        strength: "weak",
      },
    ],
    counter_evidence: [],
    reasoning: [],
    assessments: [
      {
        typology: "brushing",
        bias: -2,
        log_odds: 2.3,
        probability: 0.93,
        contributions: [
          { indicator: "new_buyer_share", value: 0.82, log_odds: 1.4, evidence_id: ev(1) },
          { indicator: "review_template", value: 0.6, log_odds: 0.9, evidence_id: ev(2) },
        ],
      },
    ],
    reflection: { passed: true, issues: [], requested: [] },
    needs_human_review: true,
    partial: null,
    reason: null,
    mode: "offline",
    models: {},
    prompt_versions: {},
    budgets_used: { iterations: 1, sql_queries: 3, rows: 10, web_calls: 0, wall_ms: 100 },
    token_usage: { input: 0, output: 0 },
    counterfactuals: [
      {
        to: "suspicious",
        indicator: "new_buyer_share",
        from_value: 0.82,
        to_value: 0.4,
        spreads: 1.2,
        evidence_id: ev(1),
        statement: "With new_buyer_share at 0.40 instead of 0.82 the decision would be suspicious.",
      },
    ],
    timings: {},
    as_of: "2026-11-01T00:00:00Z",
    evidence_count: 2,
    audit_head: null,
  });
  return {
    id: "case-1",
    status: "decided",
    subject: { type: "seller", id: "slr_42" },
    allegation: "Seller slr_42 <@U0EVIL> mails buyers from jane.doe@example.com",
    source: "slack",
    priority: "normal",
    typologyHints: [],
    asOf: null,
    createdAt: "2026-11-01T00:00:00.000Z",
    startedAt: null,
    decidedAt: null,
    failedAt: null,
    reviewedAt: null,
    error: null,
    verdictHash: HASH,
    decision: "fraud",
    recommendedAction: "restrict",
    riskScore: 0.91,
    typology: "brushing",
    verdict,
    reviews: [],
    ...overrides,
  };
}

/** A stand-in mask that does what the redactor does to this fixture's one email. */
export const mask = (text: string) => text.replace(/jane\.doe@example\.com/g, "[email 0badf00d]");
