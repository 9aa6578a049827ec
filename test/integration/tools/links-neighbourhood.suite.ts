// The link-analysis agent's neighbourhood on a hand-built warehouse, run on each
// engine: a planted ring (a shared payout account, the lead's phone and IP placing
// its partners' orders, one partner banned before) comes back as evidence of kind
// `link` with the warehouse rows behind each edge; a carrier-NAT IP the lead also
// uses is a hub, left out by its degree; a household's shared laptop and door link
// its shop to nobody; a pair coordinated only through its buyers (each on its own
// device, network and door, buying from these two shops alone) is linked through
// them, with the orders behind it, while two busy shops' common customers are not;
// and the densest block is placed against the category.
import { readFileSync } from "node:fs";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseNeighbourhood } from "../../../agents/link-analysis/index.js";
import { analyseLinks, type LinkFindings } from "../../../agents/link-analysis/offline.js";
import { linkTask } from "../../../agents/planner/offline.js";
import { createRecorder } from "../../../controller/recorder.js";
import type { Database } from "../../../db/types.js";
import { Budget } from "../../../domain/budget.js";
import { type NeighbourhoodEdge, readDegreeProfile } from "../../../tools/links/index.js";
import { MAX_CHANCE } from "../../../tools/links/shared-buyers.js";
import { createModelGateway } from "../../../tools/model/gateway.js";
import type { TestDatabase } from "../../support/engines.js";
import { scriptedModel } from "../../support/fake-models.js";

const AS_OF = "2026-06-01T00:00:00.000Z";
const BEFORE = "2026-04-01T00:00:00Z";
const AFTER = "2026-07-01T00:00:00Z";
const MIGRATIONS = [
  "0002_risk_warehouse.sql",
  "0003_risk_indexes.sql",
  "0006_seller_login_indexes.sql",
];
const NAT_IP = "100.64.0.1";

const seller = (id: string, acct: string) =>
  `('${id}', 'shop ${id}', '2025-01-01', 'DE', 'toys', 'verified', 'active', NULL, '${acct}')`;
let ownIps = 0;
/** An order from the buyer's own device, network address and door (each used once). */
const ownOrder = (id: string, buyer: string, s: string, status = "delivered") => {
  const n = ++ownIps;
  return `('${id}', '${buyer}', '${s}', 'prd_1', 1, 1000, '${BEFORE}', '${status}', 'card', 'adr_${id}', 'dev_${id}', '10.9.${n >> 8}.${n & 255}', NULL, NULL)`;
};
const login = (id: string, account: string, ip: string, dev: string, type = "seller") =>
  `('${id}', '${type}', '${account}', '${BEFORE}', '${ip}', '${dev}', 'DE', true)`;
const order = (
  id: string,
  buyer: string,
  s: string,
  adr: string,
  dev: string,
  ip: string,
  at = BEFORE,
) =>
  `('${id}', '${buyer}', '${s}', 'prd_1', 1, 1000, '${at}', 'delivered', 'card', '${adr}', '${dev}', '${ip}', NULL, NULL)`;

async function buildWarehouse(db: Database): Promise<void> {
  await db.exec("CREATE SCHEMA IF NOT EXISTS risk");
  for (const file of MIGRATIONS)
    await db.exec(readFileSync(new URL(`../../../db/migrations/${file}`, import.meta.url), "utf8"));
  await db.exec(
    `INSERT INTO risk.sellers VALUES ${[
      seller("slr_r1", "acct_r"),
      seller("slr_r2", "acct_r"),
      seller("slr_r3", "acct_r3"),
      seller("slr_h", "acct_h"),
      seller("slr_o1", "acct_o1"),
      seller("slr_o2", "acct_o2"),
      seller("slr_t1", "acct_t1"),
      seller("slr_t2", "acct_t2"),
    ].join(", ")}`,
  );
  // The partner moved its payouts into the lead's account.
  await db.exec(`INSERT INTO risk.payout_changes VALUES
    ('pay_1', 'slr_r2', 'acct_r2', 'acct_r', '${BEFORE}', 'dev_r2', '10.0.0.2')`);
  const logins = [
    login("lgn_r1", "slr_r1", "10.1.0.1", "dev_r"),
    login("lgn_r1_nat", "slr_r1", NAT_IP, "dev_r"),
    login("lgn_r2", "slr_r2", "10.0.0.2", "dev_r2"),
    login("lgn_r3", "slr_r3", "10.0.0.3", "dev_r3"),
    login("lgn_h", "slr_h", "10.0.0.4", "dev_hs"),
  ];
  // A background where devices and IPs are personal, as in most warehouses: the hub
  // cut is judged against it (16 accounts).
  for (let i = 0; i < 40; i++)
    logins.push(login(`lgn_b${i}`, `byr_b${i}`, `10.50.0.${i + 1}`, `dev_b${i}`, "buyer"));
  const orders: string[] = [];
  // The ring's buyers order at all three shops from the lead's phone and IP.
  for (const b of ["byr_1", "byr_2", "byr_3"])
    for (const s of ["slr_r1", "slr_r2", "slr_r3"])
      orders.push(order(`ord_${b}_${s}`, b, s, `adr_${b}`, "dev_r", "10.1.0.1"));
  // Twenty customers of two ordinary shops behind one carrier-NAT address.
  for (let i = 0; i < 20; i++)
    orders.push(
      order(
        `ord_nat_${i}`,
        `byr_n${i}`,
        i % 2 ? "slr_o1" : "slr_o2",
        `adr_n${i}`,
        `dev_n${i}`,
        NAT_IP,
      ),
    );
  // A household: four accounts on the family laptop, one door, at its small shop;
  // two of them also buy at slr_o1, one at slr_o2.
  for (const b of ["byr_h1", "byr_h2", "byr_h3", "byr_h4"])
    orders.push(order(`ord_${b}`, b, "slr_h", "adr_h", "dev_h", "10.7.7.7"));
  orders.push(order("ord_h1_o1", "byr_h1", "slr_o1", "adr_h", "dev_h", "10.7.7.7"));
  orders.push(order("ord_h2_o1", "byr_h2", "slr_o1", "adr_h", "dev_h", "10.7.7.7"));
  orders.push(order("ord_h3_o2", "byr_h3", "slr_o2", "adr_h", "dev_h", "10.7.7.7"));
  // A pair tied only by its buyers: three accounts, each on its own device, network and
  // door, buying from these two shops and nowhere else; one order cancelled.
  for (const b of ["byr_t1", "byr_t2", "byr_t3"]) {
    orders.push(ownOrder(`ord_${b}_a`, b, "slr_t1"), ownOrder(`ord_${b}_b`, b, "slr_t2"));
    orders.push(ownOrder(`ord_${b}_c`, b, "slr_t1", b === "byr_t1" ? "cancelled" : "delivered"));
  }
  // The two busy shops' ordinary custom: 200 buyers of one of them, 12 of both.
  for (let i = 0; i < 200; i++)
    orders.push(ownOrder(`ord_g${i}`, `byr_g${i}`, i % 2 ? "slr_o1" : "slr_o2"));
  for (let i = 0; i < 12; i++)
    for (const s of ["slr_o1", "slr_o2"]) orders.push(ownOrder(`ord_c${i}_${s}`, `byr_c${i}`, s));
  // After the as-of: the household's shop on the lead's phone — not seen.
  orders.push(order("ord_late", "byr_9", "slr_h", "adr_9", "dev_r", "10.1.0.1", AFTER));
  await db.exec(`INSERT INTO risk.logins VALUES ${logins.join(", ")}`);
  await db.exec(`INSERT INTO risk.orders VALUES ${orders.join(", ")}`);
  // The case store: a decided case of the lead, an open one of the banned partner, a
  // failed one (not named), and this case itself (never named).
  await db.exec("CREATE SCHEMA IF NOT EXISTS casehound");
  await db.exec(
    readFileSync(
      new URL("../../../db/migrations/0007_case_store_and_audit.sql", import.meta.url),
      "utf8",
    ),
  );
  const kase = (id: string, s: string, status: string) =>
    `('${id}', NULL, 'seller', '${s}', 'a ring', 'api', 'normal', '{}', NULL, '${status}', NULL, '${BEFORE}', NULL, NULL, NULL, NULL)`;
  await db.exec(
    `INSERT INTO casehound.cases VALUES ${[
      kase("case_lead", "slr_r1", "decided"),
      kase("case_partner", "slr_r2", "queued"),
      kase("case_failed", "slr_r1", "failed"),
      kase("case_self", "slr_r3", "running"),
    ].join(", ")}`,
  );
  await db.exec(
    `INSERT INTO casehound.runs VALUES ('run_lead', 'case_lead', 1, 'decided', '${BEFORE}', NULL, NULL, NULL)`,
  );
  await db.exec(
    `INSERT INTO casehound.verdicts VALUES ('run_lead', 'case_lead', '{"decision": "fraud"}', '${"0".repeat(64)}', '${BEFORE}')`,
  );
  await db.exec(`INSERT INTO risk.enforcement_actions VALUES
    ('act_1', 'seller', 'slr_r2', 'ban', 'collusion ring with shared payout account', '${BEFORE}'),
    ('act_2', 'seller', 'slr_h', 'warning', 'late shipping', '${AFTER}')`);
}

export function linksNeighbourhoodSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`link analysis of a seller's neighbourhood on ${engine}`, () => {
    let t: TestDatabase;
    let ring: LinkFindings;
    let household: LinkFindings;
    let pair: LinkFindings;
    let busy: LinkFindings;
    const tools = () => ({
      warehouse: t.db,
      profile: (asOf: string) => readDegreeProfile(t.db, asOf, { sampleModulus: 1 }),
      now: () => AS_OF,
    });
    const analyse = (sellerId: string) => analyseLinks(tools(), sellerId, AS_OF, 2);
    const gateway = (model: BaseChatModel) =>
      createModelGateway({
        models: { sql: model },
        labels: { sql: "openai:scripted" },
        redact: <T>(value: T) => value,
        observe: createRecorder().observe,
        prices: {},
        timeoutMs: 5_000,
        retries: 0,
        deadline: Date.now() + 60_000,
      });
    const edge = (f: LinkFindings, a: string, b: string) =>
      (f.evidence[0]?.data as { edges: NeighbourhoodEdge[] } | undefined)?.edges.find(
        (e) => e.a === a && e.b === b,
      );
    const reading = (f: LinkFindings, id: string) =>
      f.readings.find((r) => r.indicator === id)?.value;

    beforeAll(async () => {
      t = await open();
      await buildWarehouse(t.db);
      ring = await analyse("slr_r3");
      household = await analyse("slr_h");
      pair = await analyse("slr_t1");
      busy = await analyse("slr_o1");
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("reports a planted ring's partners as link evidence, with the rows behind each edge", () => {
      expect(ring.evidence.map((e) => e.kind)).toEqual(["link", "link", "link", "link"]);
      const nodes = ring.neighbourhood?.nodes.map((n) => `${n.sellerId}@${n.hop}`);
      expect(nodes).toEqual(["slr_r3@0", "slr_r1@1", "slr_r2@1"]);
      // The lead's own phone placed the partner's orders: its login and those orders.
      const lead = edge(ring, "slr_r1", "slr_r3");
      const phone = lead?.via.find((v) => v.kind === "device");
      expect(phone).toMatchObject({ value: "dev_r", degree: 4 });
      expect(phone?.weight).toBeCloseTo(1 / Math.log2(5), 5);
      expect(phone?.holdings[0]).toMatchObject({ sellerId: "slr_r1", roles: ["login", "order"] });
      expect(phone?.holdings[0]?.rows).toContainEqual({ table: "logins", id: "lgn_r1" });
      expect(phone?.holdings[1]?.rows).toContainEqual({ table: "orders", id: "ord_byr_1_slr_r3" });
      // The shared payout account, backed by the partner's payout change.
      const payout = edge(ring, "slr_r1", "slr_r2")?.via.find((v) => v.kind === "payout_account");
      expect(payout?.holdings[1]?.rows).toContainEqual({ table: "payout_changes", id: "pay_1" });
      // The queries are on the evidence, for an auditor to run again.
      expect(ring.evidence[0]?.source.locator).toContain("risk.logins");
      expect(ring.evidence[0]?.source.params.length).toBe(
        ring.neighbourhood?.queries.filter((q) => q.purpose.startsWith("hop")).length,
      );
    });

    it("measures the seller–buyer block and the neighbourhood's enforcement history", () => {
      expect(reading(ring, "link.linked_sellers")).toBe(2);
      expect(reading(ring, "link.block_share")).toBe(1);
      expect(ring.neighbourhood?.block).toMatchObject({ buyers: 3, density: 1 });
      expect(reading(ring, "link.sanctioned_neighbours")).toBe(1);
      expect(ring.evidence[2]?.summary).toContain("slr_r2 ban (collusion ring");
    });

    it("down-weights a carrier-NAT IP by its degree: a hub, not followed", () => {
      const hub = ring.neighbourhood?.hubs.find((h) => h.value === NAT_IP);
      expect(hub).toMatchObject({ kind: "ip", degree: 21, sellerIds: ["slr_r1"] });
      expect(hub?.degree).toBeGreaterThan(hub?.cut ?? Infinity);
      const reached = ring.neighbourhood?.nodes.map((n) => n.sellerId) ?? [];
      expect(reached).not.toContain("slr_o1");
      expect(reached).not.toContain("slr_o2");
    });

    it("in LLM mode, reads as deep as the model chose after seeing the direct links", async () => {
      const outcome = await analyseNeighbourhood(
        {
          task: { ...linkTask(), maxQueries: 20 },
          caseId: "case_self",
          sellerId: "slr_r3",
          asOf: AS_OF,
          allegation: "a ring",
        },
        { ...tools(), cases: t.db },
        { gateway: gateway(scriptedModel(4)), budget: Budget.parse({}), usage: {} },
      );
      expect(outcome.degradations).toEqual([]);
      expect(outcome.calls).toHaveLength(1);
      expect(outcome.result.chosenBy).toMatchObject({ by: "model" });
      expect(outcome.result.hops).toBe(2);
      expect(outcome.result.evidence.map((e) => e.id)).toEqual(ring.evidence.map((e) => e.id));
      // Cases that belong together: the lead's decided case and the partner's open one.
      expect(
        outcome.result.relatedCases.map((c) => [
          c.case_id,
          c.seller_id,
          c.status,
          c.decision,
          c.hop,
        ]),
      ).toEqual([
        ["case_lead", "slr_r1", "decided", "fraud", 1],
        ["case_partner", "slr_r2", "queued", null, 1],
      ]);
      expect(outcome.result.relatedCases[0]?.via).toContain("device");
      expect(outcome.result.relatedCases[0]?.evidence_id).toBe(ring.evidence[0]?.id);
    });

    it("leaves a household alone: its shared laptop and door link its shop to nobody", () => {
      expect(household.neighbourhood?.nodes).toEqual([{ sellerId: "slr_h", hop: 0 }]);
      expect(household.neighbourhood?.edges).toEqual([]);
      expect(reading(household, "link.linked_sellers")).toBe(0);
      expect(reading(household, "link.block_share")).toBe(0);
      expect(reading(household, "link.sanctioned_neighbours")).toBe(0);
      expect(household.evidence[0]?.summary).toContain("shares no rarely shared");
      // Two of its accounts also buy at a busy shop: as many as the shops' sizes predict.
      expect(household.neighbourhood?.density.score).toBeLessThan(-Math.log10(MAX_CHANCE));
    });

    it("links a pair through the buyers only they share, with the orders behind it", () => {
      expect(pair.neighbourhood?.nodes.map((n) => `${n.sellerId}@${n.hop}`)).toEqual([
        "slr_t1@0",
        "slr_t2@1",
      ]);
      const shared = edge(pair, "slr_t1", "slr_t2");
      expect(shared?.via).toEqual([]);
      expect(shared?.buyers).toMatchObject({ buyers: 3, weighted: 3 });
      expect(shared?.buyers?.surprise).toBeGreaterThan(3);
      expect(shared?.buyers?.rows[0]).toContainEqual({ table: "orders", id: "ord_byr_t1_a" });
      expect(shared?.buyers?.rows[1]).toContainEqual({ table: "orders", id: "ord_byr_t1_b" });
      expect(pair.evidence[0]?.summary).toContain("3 common buyers");
      // The block's trade: nine orders of the three buyers at both shops, one cancelled.
      expect(pair.neighbourhood?.block).toMatchObject({ orders: 9, undone: 1 });
      expect(reading(pair, "link.block_undo_rate")).toBeCloseTo(1 / 9, 5);
    });

    it("does not link two busy shops through the common customers their sizes predict", () => {
      const reached = busy.neighbourhood?.nodes.map((n) => n.sellerId) ?? [];
      expect(reached).not.toContain("slr_o2");
      expect(busy.neighbourhood?.queries.map((q) => q.purpose)).toContain("hop 1: shared buyers");
    });

    it("places the densest seller–buyer block against the category's, as link evidence", () => {
      const density = pair.neighbourhood?.density;
      expect(density).toMatchObject({ category: "toys", other: "slr_t2", buyers: 3 });
      expect(density?.percentile).toBeGreaterThan(80);
      const item = pair.evidence[3];
      expect(item?.kind).toBe("link");
      expect(item?.summary).toContain("densest seller–buyer block is with slr_t2");
      expect(item?.source.locator).toContain("-- hop 1: shared buyers");
      expect(item?.source.locator).toContain("-- the densest block against the category");
      expect(
        (item?.data as { density?: { rows: unknown[] } } | undefined)?.density?.rows,
      ).toContainEqual({
        table: "orders",
        id: "ord_byr_t1_a",
      });
    });
  });
}
