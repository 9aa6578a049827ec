import { describe, expect, it } from "vitest";
import { isAppError } from "../../../../domain/errors.js";
import { clusterId, clusterSellers } from "../../../../tools/links/cluster.js";
import { hubCut, linkWeight } from "../../../../tools/links/hubs.js";
import { attr, PERSONAL_PROFILE, shared } from "./fixtures.js";

describe("the hub cut", () => {
  it("puts the cut at 2^fence accounts where sharing is rare, and higher where it is common", () => {
    expect(hubCut({ q1: 1, q3: 1 })).toBeCloseTo(16);
    expect(hubCut({ q1: 1, q3: 1 }, 3)).toBeCloseTo(8);
    // IPs commonly shared (an office-heavy warehouse): q3 of 4, IQR log 4.
    expect(hubCut({ q1: 1, q3: 4 })).toBeCloseTo(4 * 4 ** 4);
  });

  it("weighs a rarer attribute more", () => {
    expect(linkWeight(1)).toBe(1);
    expect(linkWeight(2)).toBeGreaterThan(linkWeight(8));
    expect(linkWeight(300)).toBeLessThan(0.13);
  });
});

describe("clusterSellers", () => {
  it("when two sellers log in from one rare device, they form a cluster bound by it", () => {
    const clusters = clusterSellers(
      shared([
        attr("slr_a", "device", "dev_1", "login", 2),
        attr("slr_b", "device", "dev_1", "login", 2),
        attr("slr_c", "device", "dev_2", "login", 1),
      ]),
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.members).toEqual(["slr_a", "slr_b"]);
    expect(clusters[0]?.bindings).toEqual([
      {
        kind: "device",
        value: "dev_1",
        degree: 2,
        weight: linkWeight(2),
        holders: [
          { sellerId: "slr_a", roles: ["login"] },
          { sellerId: "slr_b", roles: ["login"] },
        ],
      },
    ]);
    expect(clusters[0]?.strength).toBeCloseTo(linkWeight(2));
  });

  it("when a seller's own device places orders at another shop, the two are linked", () => {
    const clusters = clusterSellers(
      shared([
        attr("slr_a", "device", "dev_1", "login", 3),
        attr("slr_b", "device", "dev_1", "order", 3, 2),
      ]),
    );
    expect(clusters.map((c) => c.members)).toEqual([["slr_a", "slr_b"]]);
  });

  it("a hub by degree is left out: a carrier-NAT IP used by 300 accounts merges nobody", () => {
    const nat = Array.from({ length: 6 }, (_, i) =>
      attr(`slr_${i}`, "ip", "10.0.0.1", "login", 300),
    );
    expect(clusterSellers(shared(nat))).toEqual([]);
    // Three of them on an IP no other account uses are one cluster.
    const rare = nat.slice(0, 3).map((a) => ({ ...a, value: "10.9.9.9", degree: 3 }));
    expect(clusterSellers(shared(rare))[0]?.members).toEqual(["slr_0", "slr_1", "slr_2"]);
  });

  it("the cut follows the warehouse's spread: a degree that is a hub in one warehouse is not in another", () => {
    const input = [
      attr("slr_a", "ip", "10.0.0.1", "login", 20),
      attr("slr_b", "ip", "10.0.0.1", "login", 20),
      attr("slr_a", "device", "dev_1", "login", 2),
      attr("slr_b", "device", "dev_1", "login", 2),
    ];
    const personal = clusterSellers(shared(input));
    expect(personal[0]?.bindings.map((b) => b.kind)).toEqual(["device"]);
    const sharedIps = {
      ...PERSONAL_PROFILE,
      ip: { sampled: 500, q1: 1, median: 2, q3: 4, max: 90 },
    };
    const common = clusterSellers(shared(input, sharedIps));
    expect(common[0]?.bindings.map((b) => b.kind)).toEqual(["device", "ip"]);
  });

  it("shared customers link nothing; a farm buying from both shops does", () => {
    const customer = [
      attr("slr_a", "device", "dev_1", "order", 2, 2),
      attr("slr_b", "device", "dev_1", "order", 2, 2),
      attr("slr_a", "address", "adr_1", "order", 2, 2),
      attr("slr_b", "address", "adr_1", "order", 2, 2),
    ];
    expect(clusterSellers(shared(customer))).toEqual([]);
    const farm = [
      attr("slr_a", "address", "adr_9", "order", 9, 5),
      attr("slr_b", "address", "adr_9", "order", 9, 4),
      attr("slr_a", "device", "dev_9", "order", 7, 4),
      attr("slr_b", "device", "dev_9", "order", 7, 3),
    ];
    expect(clusterSellers(shared(farm))[0]?.members).toEqual(["slr_a", "slr_b"]);
  });

  it("one weak tie does not join two sellers; enough weak ties do", () => {
    const one = [
      attr("slr_a", "ip", "10.1.1.1", "login", 10),
      attr("slr_b", "ip", "10.1.1.1", "order", 10, 1),
    ];
    expect(clusterSellers(shared(one))).toEqual([]);
    const two = [
      ...one,
      attr("slr_a", "device", "dev_3", "login", 10),
      attr("slr_b", "device", "dev_3", "order", 10, 1),
    ];
    expect(clusterSellers(shared(two))[0]?.members).toEqual(["slr_a", "slr_b"]);
    expect(clusterSellers(shared(two), { minStrength: 1 })).toEqual([]);
  });

  it("joins chains into one cluster and keeps singletons out", () => {
    const clusters = clusterSellers(
      shared([
        attr("slr_a", "payout_account", "acct_1", "payout", 2),
        attr("slr_b", "payout_account", "acct_1", "payout", 2),
        attr("slr_b", "device", "dev_1", "login", 2),
        attr("slr_c", "device", "dev_1", "login", 2),
        attr("slr_d", "device", "dev_4", "login", 1),
      ]),
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.members).toEqual(["slr_a", "slr_b", "slr_c"]);
  });

  it("lists an attribute among a cluster's bindings even when it also ties outsiders too weakly", () => {
    // Four sellers on one IP of degree 10 (0.29 each pair); only c and d also share a device.
    const clusters = clusterSellers(
      shared([
        ...["slr_a", "slr_b", "slr_c", "slr_d"].map((s) => attr(s, "ip", "10.2.2.2", "login", 10)),
        attr("slr_c", "device", "dev_7", "login", 4),
        attr("slr_d", "device", "dev_7", "login", 4),
      ]),
    );
    expect(clusters.map((c) => c.members)).toEqual([["slr_c", "slr_d"]]);
    expect(clusters[0]?.bindings.map((b) => b.value)).toEqual(["dev_7", "10.2.2.2"]);
    expect(clusters[0]?.bindings[1]?.holders.map((h) => h.sellerId)).toEqual(["slr_c", "slr_d"]);
  });

  it("names a cluster by its members, whatever the order the attributes came in", () => {
    const input = [
      attr("slr_b", "device", "dev_1", "login", 2),
      attr("slr_a", "device", "dev_1", "login", 2),
    ];
    const first = clusterSellers(shared(input));
    const again = clusterSellers(shared([...input].reverse()));
    expect(first[0]?.id).toBe(again[0]?.id);
    expect(first[0]?.id).toBe(clusterId(["slr_a", "slr_b"]));
    expect(first[0]?.id).toMatch(/^ring_[0-9a-f]{16}$/);
    expect(clusterId(["slr_a", "slr_c"])).not.toBe(first[0]?.id);
  });

  it("refuses bad input and bad options with an AppError", () => {
    const bad = [
      () => clusterSellers(null as never),
      () => clusterSellers({ attributes: [] } as never),
      () => clusterSellers(shared([]), { minStrength: 0 }),
      () => clusterSellers(shared([]), { hubFence: Number.NaN }),
      () => clusterSellers(shared([]), { minFarmBuyers: 1.5 }),
      () => clusterSellers(shared([attr("slr_a", "phone" as never, "1", "login", 2)])),
      () => clusterSellers(shared([attr("slr_a", "device", "dev_1", "login", Number.NaN)])),
      () => clusterSellers({ ...shared([]), attributes: [null as never] }),
      // Read for farms of 3: order-only ties of 2 buyers were never read.
      () => clusterSellers({ ...shared([]), minFarmBuyers: 3 }, { minFarmBuyers: 2 }),
    ];
    for (const call of bad) {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown, "bad_argument")).toBe(true);
    }
  });
});
