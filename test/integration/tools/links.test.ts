// Ring clustering on a seeded small demo world (embedded PGlite): the planted
// collusion rings come out as clusters, hard negatives and carrier-NAT customers
// merge nobody, and a ring decided inconsistently is sent back with its context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { isAppError } from "../../../domain/errors.js";
import type { Decision } from "../../../domain/verdict.js";
import {
  clusterContext,
  clusterSellers,
  hubCut,
  inconsistentClusters,
  readDegreeProfile,
  readSharedAttributes,
  type SellerCluster,
  type SharedAttributes,
} from "../../../tools/links/index.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

describe("ring clustering on the small demo world", () => {
  let t: TestDatabase;
  let labels: WorldLabels;
  let read: SharedAttributes;
  let clusters: SellerCluster[];
  const kindOf = (id: string) => labels.subjects.find((s) => s.subject.id === id);

  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
    labels = (await seedWorld(t.db, { size: "small", seed: 5 })).labels;
    // The planted subjects and the busiest shops, whose customers crowd carrier-NAT IPs.
    const { rows } = await t.db.query<{ seller_id: string }>(
      "SELECT seller_id FROM risk.orders GROUP BY seller_id ORDER BY count(*) DESC LIMIT 30",
    );
    const batch = [...labels.subjects.map((s) => s.subject.id), ...rows.map((r) => r.seller_id)];
    read = await readSharedAttributes(t.db, batch, labels.as_of);
    clusters = clusterSellers(read);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("puts every planted collusion ring's sellers in one cluster of their own", () => {
    const colluders = labels.subjects.filter((s) => s.kind === "collusion");
    const primaries = colluders.filter((s) => s.role === "primary");
    expect(primaries.length).toBeGreaterThanOrEqual(2);
    for (const primary of primaries) {
      const ring = clusters.filter((c) => c.members.includes(primary.subject.id));
      expect(ring, primary.subject.id).toHaveLength(1);
      const members = ring[0]?.members.map((m) => kindOf(m)) ?? [];
      // The primary and its two partners, all of the same plant and intensity.
      expect(members).toHaveLength(3);
      expect(
        members.every((m) => m?.kind === "collusion" && m.intensity === primary.intensity),
      ).toBe(true);
      expect(members.filter((m) => m?.role === "primary")).toHaveLength(1);
    }
    const clustered = new Set(clusters.flatMap((c) => c.members));
    for (const c of colluders) expect(clustered.has(c.subject.id), c.subject.id).toBe(true);
  });

  it("merges no hard negative, busy or ordinary seller with anyone", () => {
    for (const cluster of clusters)
      for (const member of cluster.members) expect(kindOf(member)?.kind, member).toBe("collusion");
  });

  it("reads the office seller's shared office IP with its degree, and it joins nobody", () => {
    const office = labels.subjects.find((s) => s.kind === "shared_office_ip");
    expect(office).toBeDefined();
    const ips = read.attributes.filter(
      (a) => a.sellerId === office?.subject.id && a.kind === "ip" && a.role === "login",
    );
    // Staff logins and colleagues' orders: the office IP is used by several accounts.
    expect(Math.max(...ips.map((a) => a.degree))).toBeGreaterThanOrEqual(5);
    expect(clusters.some((c) => c.members.includes(office?.subject.id as string))).toBe(false);
  });

  it("reads carrier-NAT IPs many sellers' customers share as hubs, and they bind no cluster", () => {
    const cut = hubCut(read.profile.ip);
    const nat = read.attributes.filter((a) => a.kind === "ip" && a.degree > cut);
    const sellersOnNat = new Set(nat.map((a) => a.sellerId));
    expect(nat.length).toBeGreaterThan(0);
    expect(sellersOnNat.size).toBeGreaterThanOrEqual(5);
    for (const cluster of clusters)
      for (const binding of cluster.bindings)
        expect(binding.degree).toBeLessThanOrEqual(hubCut(read.profile[binding.kind]));
    // Without the cut, the busy shops' shared customers' NAT IPs would merge them.
    const uncut = clusterSellers(read, { hubFence: 1000 });
    expect(uncut.some((c) => c.members.some((m) => kindOf(m) === undefined))).toBe(true);
  });

  it("sends a ring's cleared partners back with the ring as context", () => {
    const decisions = new Map<string, Decision>(
      labels.subjects.map((s) => [s.subject.id, s.role === "primary" ? "fraud" : "not_fraud"]),
    );
    const flagged = inconsistentClusters(clusters, decisions);
    expect(flagged.length).toBe(clusters.length);
    const first = flagged[0];
    expect(first?.reinvestigate).toHaveLength(2);
    const text = clusterContext(
      first?.cluster as SellerCluster,
      decisions,
      first?.reinvestigate[0],
    );
    const primary = first?.cluster.members.find((m) => decisions.get(m) === "fraud");
    expect(text).toContain(`- ${primary}: fraud`);
    expect(text).toContain(first?.cluster.id);
  });

  it("sees nothing before the world began, and reports sellers it does not hold", async () => {
    const ids = [labels.subjects[0]?.subject.id as string, "slr_nobody"];
    const early = await readSharedAttributes(t.db, ids, "2020-01-01T00:00:00Z", {
      profile: read.profile,
    });
    expect(early.unknownSellerIds).toEqual(["slr_nobody"]);
    expect(early.attributes).toEqual([]);
    const profile = await readDegreeProfile(t.db, "2020-01-01T00:00:00Z");
    expect(profile.ip.sampled).toBe(0);
  });

  it("refuses bad arguments with an AppError", async () => {
    const calls = [
      () => readSharedAttributes(t.db, "slr_x" as never, labels.as_of),
      () => readSharedAttributes(t.db, ["slr_x'; DROP TABLE risk.orders"], labels.as_of),
      () => readSharedAttributes(t.db, ["slr_x"], "yesterday"),
      () => readSharedAttributes(t.db, ["slr_x"], labels.as_of, { maxOrderAttributesPerSeller: 0 }),
      () => readDegreeProfile(t.db, labels.as_of, { sampleModulus: 0 }),
    ];
    for (const call of calls) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAppError(error, "bad_argument")).toBe(true);
    }
  });
});
