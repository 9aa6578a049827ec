// What the batch commands print: the progress bar and line, and the summary.
import { describe, expect, it } from "vitest";
import { progressBar, progressLine, summaryText } from "../../../cli/batch-output.js";
import type { BatchProgress } from "../../../domain/batch.js";
import { summarize } from "../../../server/batch/results.js";
import type { BatchView } from "../../../server/batch/view.js";

const counts = (c: Partial<BatchProgress["counts"]>): BatchProgress["counts"] => ({
  pending: 0,
  rejected: 0,
  queued: 0,
  running: 0,
  decided: 0,
  failed: 0,
  reviewed: 0,
  cancelled: 0,
  ...c,
});

const view = (progress: Partial<BatchProgress>): BatchView => ({
  id: "b1",
  origin: { kind: "subjects" },
  createdBy: "cli",
  createdAt: "2026-12-01T00:00:00.000Z",
  cancelledAt: null,
  cancelledBy: null,
  total: 4,
  clusteredAt: null,
  clusters: null,
  progress: {
    total: 4,
    counts: counts({}),
    done: 0,
    finished: false,
    casesPerSecond: null,
    etaSeconds: null,
    ...progress,
  },
});

const row = (position: number, fields: Record<string, unknown>) => ({
  position,
  subject: `seller:s${position}`,
  state: "decided" as const,
  caseId: `c${position}`,
  decision: null,
  typology: null,
  riskScore: null,
  recommendedAction: null,
  needsReview: null,
  verdictHash: null,
  reason: null,
  cluster: null,
  reviewOf: null,
  ...fields,
});

describe("batch output", () => {
  it("draws the share settled as a bar, with the counts, pace and ETA", () => {
    const half = view({
      counts: counts({ decided: 2, running: 1, queued: 1 }),
      done: 2,
      casesPerSecond: 0.5,
      etaSeconds: 3.2,
    });
    expect(progressBar(half, 10)).toBe(
      "[#####-----] 2/4 decided 2, running 1, queued 1 · 0.5 cases/s, ETA 4 s",
    );
    expect(progressLine(half)).toBe(
      "batch b1: 2/4 settled (decided 2, running 1, queued 1); 0.5 cases/s, ETA 4 s",
    );
  });

  it("summarises decisions, failures with their reasons and the riskiest subjects", () => {
    const rows = [
      row(1, { decision: "fraud", riskScore: 0.97 }),
      row(2, { decision: "not_fraud", riskScore: 0.1 }),
      row(3, { decision: "fraud", riskScore: 0.99 }),
      row(4, { state: "rejected", caseId: null, reason: "as-of outside the warehouse" }),
    ];
    const summary = summarize(rows, 2);
    expect(summary.byDecision).toEqual({ fraud: 2, not_fraud: 1 });
    expect(summary.topByRisk.map((t) => t.subject)).toEqual(["seller:s3", "seller:s1"]);
    expect(summary.clusters).toBeNull();
    const text = summaryText(
      view({ counts: counts({ decided: 3, rejected: 1 }), done: 4, finished: true }),
      summary,
    );
    expect(text.split("\n").slice(0, 4)).toEqual([
      "batch b1 finished: 4 cases — decided 3, rejected 1",
      "decisions: fraud 2, not_fraud 1",
      "failed (1):",
      "  seller:s4 rejected: as-of outside the warehouse",
    ]);
    expect(text).toMatch(/seller:s3\s+fraud\s+0\.990\s+c3/);
  });

  it("lists each cluster with its members' latest decisions, bindings and re-investigations", () => {
    const rows = [
      row(1, { decision: "fraud", cluster: "ring_a" }),
      row(2, { decision: "not_fraud", cluster: "ring_a" }),
      row(3, { decision: "not_fraud" }),
      row(4, {
        subject: "seller:s2",
        caseId: "c4",
        decision: "fraud",
        cluster: "ring_a",
        reviewOf: "c2",
      }),
    ];
    const cluster = {
      id: "ring_a",
      members: ["s1", "s2"],
      bindings: [
        {
          kind: "device",
          value: "dev_1",
          degree: 2,
          weight: 0.63,
          holders: [
            { sellerId: "s1", roles: ["login"] },
            { sellerId: "s2", roles: ["login"] },
          ],
        },
      ],
      strength: 0.63,
      inconsistent: true,
      reason: "ring_a: contradicting",
      reinvestigate: ["s2"],
    };
    const summary = summarize(rows, 10, [cluster]);
    const [c] = summary.clusters ?? [];
    expect(c?.decisions).toEqual({ s1: "fraud", s2: "fraud" });
    expect(c?.inconsistentNow).toBe(false);
    expect(c?.reinvestigations).toEqual([
      {
        subject: "seller:s2",
        reviewOf: "c2",
        originalDecision: "not_fraud",
        caseId: "c4",
        state: "decided",
        decision: "fraud",
      },
    ]);
    const text = summaryText(view({ done: 4, finished: true }), summary);
    expect(text).toContain(
      "ring_a — 2 sellers, strength 0.63, INCONSISTENT at first, consistent after re-review",
    );
    expect(text).toContain("members: s1 (fraud), s2 (fraud)");
    expect(text).toContain("bound by: device dev_1 (degree 2)");
    expect(text).toContain("re-investigated seller:s2: not_fraud (case c2) -> fraud (case c4)");
    expect(summaryText(view({ done: 4, finished: true }), summarize(rows, 10, []))).toContain(
      "ring clusters: none",
    );
  });
});
