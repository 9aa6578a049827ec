// The neighbourhood's edges: the link rule per attribute, weights by degree, rows kept.
import { describe, expect, it } from "vitest";
import { linkWeight } from "../../../../tools/links/hubs.js";
import {
  addHolding,
  type HeldAttribute,
  linkEdges,
} from "../../../../tools/links/neighbourhood-edges.js";

function held(kind: HeldAttribute["kind"], value: string, degree: number): HeldAttribute {
  return { kind, value, degree, holdings: new Map() };
}

describe("neighbourhood edges", () => {
  it("links a seller whose own device places orders at another shop, with the rows of both ends", () => {
    const device = held("device", "dev_1", 3);
    addHolding(device, {
      seller_id: "slr_a",
      role: "login",
      buyers: 0,
      rows: [{ table: "logins", id: "lgn_1" }],
    });
    addHolding(device, {
      seller_id: "slr_b",
      role: "order",
      buyers: 1,
      rows: [{ table: "orders", id: "ord_9" }],
    });
    const [edge, ...rest] = linkEdges([device], (s) => s === "slr_a", 3);
    expect(rest).toHaveLength(0);
    expect(edge?.a).toBe("slr_a");
    expect(edge?.b).toBe("slr_b");
    expect(edge?.weight).toBeCloseTo(linkWeight(3), 5);
    expect(edge?.via[0]?.holdings.map((h) => h.rows[0]?.id)).toEqual(["lgn_1", "ord_9"]);
  });

  it("does not link two shops that only share one customer's device", () => {
    const device = held("device", "dev_2", 2);
    addHolding(device, { seller_id: "slr_a", role: "order", buyers: 1, rows: [] });
    addHolding(device, { seller_id: "slr_b", role: "order", buyers: 1, rows: [] });
    expect(linkEdges([device], () => true, 3)).toEqual([]);
  });

  it("weighs a rare attribute more than a common one and sums an edge's attributes", () => {
    const rare = held("payout_account", "acct_1", 2);
    const common = held("ip", "10.0.0.1", 15);
    for (const a of [rare, common])
      for (const s of ["slr_a", "slr_b"])
        addHolding(a, { seller_id: s, role: a === rare ? "payout" : "login", buyers: 0, rows: [] });
    const [edge] = linkEdges([common, rare], () => true, 3);
    expect(edge?.via.map((v) => v.kind)).toEqual(["payout_account", "ip"]);
    expect(edge?.via[0]?.weight).toBeGreaterThan(edge?.via[1]?.weight ?? 1);
    expect(edge?.weight).toBeCloseTo(linkWeight(2) + linkWeight(15), 5);
  });

  it("skips pairs where neither end was followed", () => {
    const device = held("device", "dev_3", 3);
    for (const s of ["slr_x", "slr_y"])
      addHolding(device, { seller_id: s, role: "login", buyers: 0, rows: [] });
    expect(linkEdges([device], (s) => s === "slr_a", 3)).toEqual([]);
  });
});
