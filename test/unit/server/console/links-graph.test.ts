import { describe, expect, it } from "vitest";
import type { RingTie } from "../../../../server/console/links-data.js";
import { linkGraph } from "../../../../server/console/links-graph.js";
import type { SellerAttribute, SharedAttributes } from "../../../../tools/links/index.js";

const spread = { sampled: 100, q1: 1, median: 1, q3: 2, max: 50 };
const profile = { device: spread, ip: spread, address: spread, payout_account: spread };

function shared(attributes: SellerAttribute[]): SharedAttributes {
  return {
    asOf: "2026-11-01T00:00:00.000Z",
    sellerIds: [...new Set(attributes.map((a) => a.sellerId))],
    unknownSellerIds: [],
    attributes,
    profile,
    minFarmBuyers: 3,
    truncated: [],
  };
}

const attr = (
  sellerId: string,
  value: string,
  degree: number,
  role: SellerAttribute["role"] = "login",
) => ({ sellerId, kind: "device", value, role, buyers: role === "order" ? 4 : 0, degree }) as const;

describe("the link graph", () => {
  it("ties sellers through a shared attribute and says which rows make each edge", () => {
    const g = linkGraph(
      "slr_a",
      shared([attr("slr_a", "dev_1", 2), attr("slr_b", "dev_1", 2, "order")]),
    );
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["s:slr_a", "subject"],
      ["a:device:dev_1", "device"],
      ["s:slr_b", "seller"],
    ]);
    expect(g.edges.map((e) => e.detail)).toEqual([
      "slr_a logged in from it",
      "4 distinct buyers' orders to slr_b used it",
    ]);
  });

  it("leaves out attributes only one seller holds, and collapses hubs into a count", () => {
    // q3 2 with the default fence 4: a degree far above it is a hub.
    const g = linkGraph(
      "slr_a",
      shared([
        attr("slr_a", "dev_alone", 1),
        attr("slr_a", "dev_hub", 5000),
        attr("slr_b", "dev_hub", 5000),
      ]),
    );
    expect(g.nodes.map((n) => n.id)).toEqual(["s:slr_a"]);
    expect(g.edges).toEqual([]);
    expect(g.hubs).toEqual({ device: 1 });
  });

  it("draws the seller's buyers by the order ids behind each tie, once per pair", () => {
    const ring: RingTie[] = [
      {
        holderType: "buyer",
        holder: "byr_1",
        kind: "ip",
        value: "10.0.0.1",
        rows: 7,
        sample: ["o1", "o2", "o3", "o4", "o5"],
        degree: 3,
      },
      {
        holderType: "buyer",
        holder: "byr_2",
        kind: "ip",
        value: "10.0.0.1",
        rows: 1,
        sample: ["o9"],
        degree: 3,
      },
      {
        holderType: "seller",
        holder: "slr_a",
        kind: "ip",
        value: "10.0.0.1",
        rows: 2,
        sample: ["l1", "l2"],
        degree: 3,
      },
      {
        holderType: "buyer",
        holder: "byr_3",
        kind: "ip",
        value: "10.9.9.9",
        rows: 1,
        sample: ["o7"],
        degree: 9000,
      },
    ];
    const g = linkGraph("slr_a", shared([]), ring);
    expect(g.nodes.filter((n) => n.kind === "buyer").map((n) => n.label)).toEqual([
      "byr_1",
      "byr_2",
    ]);
    expect(g.edges.map((e) => e.detail)).toEqual([
      "buyer byr_1 used it on 7 orders (o1, o2, o3, o4, o5, …)",
      "buyer byr_2 used it on 1 order (o9)",
      "slr_a logged in from it 2 times (logins l1, l2)",
    ]);
    expect(g.hubs).toEqual({ ip: 1 });
  });

  it("keeps a farm device the seller's own buyers share, however many they are", () => {
    const farm = (i: number): RingTie => ({
      holderType: "buyer",
      holder: `byr_${i}`,
      kind: "device",
      value: "dev_farm",
      rows: 1,
      sample: [`o${i}`],
      degree: 40,
    });
    const g = linkGraph(
      "slr_a",
      shared([]),
      Array.from({ length: 26 }, (_, i) => farm(i)),
    );
    expect(g.hubs).toEqual({});
    expect(g.nodes.filter((n) => n.kind === "buyer")).toHaveLength(26);
    expect(g.nodes.filter((n) => n.kind === "device").map((n) => n.label)).toEqual([
      "device dev_farm",
    ]);
  });
});
