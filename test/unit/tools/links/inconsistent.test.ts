import { describe, expect, it } from "vitest";
import { isAppError } from "../../../../domain/errors.js";
import type { Decision } from "../../../../domain/verdict.js";
import { clusterId } from "../../../../tools/links/cluster.js";
import { inconsistentClusters } from "../../../../tools/links/inconsistent.js";
import type { SellerCluster } from "../../../../tools/links/types.js";

function cluster(members: string[]): SellerCluster {
  return {
    id: clusterId(members),
    members,
    bindings: [
      {
        kind: "device",
        value: "dev_1",
        degree: 3,
        weight: 0.5,
        holders: members.map((sellerId) => ({ sellerId, roles: ["login" as const] })),
      },
    ],
    strength: 0.5,
  };
}

const decided = (entries: [string, Decision][]) => new Map<string, Decision>(entries);

describe("inconsistentClusters", () => {
  it("flags a fraud beside a not_fraud and sends the cleared partner back", () => {
    const ring = cluster(["slr_a", "slr_b", "slr_c"]);
    const [flagged, ...rest] = inconsistentClusters(
      [ring],
      decided([
        ["slr_a", "fraud"],
        ["slr_b", "not_fraud"],
        ["slr_c", "insufficient_evidence"],
      ]),
    );
    expect(rest).toEqual([]);
    expect(flagged?.cluster.id).toBe(ring.id);
    expect(flagged?.reinvestigate).toEqual(["slr_b", "slr_c"]);
    expect(flagged?.decisions).toEqual({
      slr_a: "fraud",
      slr_b: "not_fraud",
      slr_c: "insufficient_evidence",
    });
    expect(flagged?.reason).toContain("slr_a");
  });

  it("leaves agreeing clusters, and those where nothing contradicts, alone", () => {
    const clusters = [
      cluster(["slr_a", "slr_b"]),
      cluster(["slr_c", "slr_d"]),
      cluster(["slr_e", "slr_f"]),
    ];
    const flagged = inconsistentClusters(
      clusters,
      decided([
        ["slr_a", "fraud"],
        ["slr_b", "fraud"],
        ["slr_c", "suspicious"],
        ["slr_d", "not_fraud"],
        ["slr_e", "fraud"],
        ["slr_f", "insufficient_evidence"],
      ]),
    );
    expect(flagged).toEqual([]);
  });

  it("ignores members without a decision", () => {
    const flagged = inconsistentClusters(
      [cluster(["slr_a", "slr_b", "slr_z"])],
      decided([
        ["slr_a", "fraud"],
        ["slr_b", "not_fraud"],
      ]),
    );
    expect(flagged[0]?.reinvestigate).toEqual(["slr_b"]);
    expect(Object.keys(flagged[0]?.decisions ?? {})).toEqual(["slr_a", "slr_b"]);
  });

  it("refuses decisions that are not a Map of decisions", () => {
    for (const decisions of [{ slr_a: "fraud" }, new Map([["slr_a", "guilty"]])] as unknown as Map<
      string,
      Decision
    >[]) {
      let thrown: unknown;
      try {
        inconsistentClusters([cluster(["slr_a", "slr_b"])], decisions);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown, "bad_argument")).toBe(true);
    }
  });
});
