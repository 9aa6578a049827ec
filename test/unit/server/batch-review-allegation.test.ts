// A re-review's allegation: the original row's, then the cluster context, within
// the 4,000 characters a case's allegation may hold.
import { describe, expect, it } from "vitest";
import { CaseInput } from "../../../domain/case.js";
import { isAppError } from "../../../domain/errors.js";
import { reviewAllegation } from "../../../server/batch/finish.js";
import {
  clusterContext,
  MAX_CONTEXT_CHARS,
  type SellerCluster,
} from "../../../tools/links/index.js";

const cluster: SellerCluster = {
  id: "ring_0123456789abcdef",
  members: Array.from({ length: 40 }, (_, i) => `slr_${String(i).padStart(3, "0")}`),
  bindings: Array.from({ length: 40 }, (_, i) => ({
    kind: "device" as const,
    value: `dev_${i}`,
    degree: 2 + i,
    weight: 0.5,
    holders: [
      { sellerId: "slr_000", roles: ["login" as const] },
      { sellerId: "slr_001", roles: ["login" as const] },
    ],
  })),
  strength: 20,
};
const decisions = new Map(
  cluster.members.map((m, i) => [m, i % 2 ? "fraud" : "not_fraud"] as const),
);

describe("reviewAllegation", () => {
  it("keeps a short allegation whole and appends the context after a blank line", () => {
    const context = clusterContext(cluster, decisions, "slr_000");
    const text = reviewAllegation("re-review: flagged by risk_model (score 0.91)", context);
    expect(text).toBe(`re-review: flagged by risk_model (score 0.91)\n\n${context}`);
  });

  it("cuts a maximal allegation so the whole still passes intake's 4,000-character limit", () => {
    const context = clusterContext(cluster, decisions, "slr_000");
    expect(context.length).toBeGreaterThan(1000);
    expect(context.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
    const text = reviewAllegation("x".repeat(4000), context);
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text.endsWith(context)).toBe(true);
    expect(text).toMatch(/^x+…\n\nRing context:/);
    const parsed = CaseInput.safeParse({
      subject: { type: "seller", id: "slr_000" },
      allegation: text,
    });
    expect(parsed.success).toBe(true);
  });

  it("refuses a context that leaves no room for the allegation", () => {
    expect(() => reviewAllegation("a", "c".repeat(3990))).toThrow(
      expect.toSatisfy((e: unknown) => isAppError(e, "internal")),
    );
  });
});
