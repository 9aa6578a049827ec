// The link tools' SQL on a hand-built warehouse with known degrees, run on each
// engine: the as-of cut, failed logins left out, payout accounts held as of the
// instant, cross and farm ties read, a shared customer not, the per-seller bound.
// Only the warehouse's migrations are applied, so no extension is needed.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/types.js";
import {
  clusterSellers,
  readDegreeProfile,
  readSharedAttributes,
  type SharedAttributes,
} from "../../../tools/links/index.js";
import type { TestDatabase } from "../../support/engines.js";

const AS_OF = "2026-06-01T00:00:00.000Z";
const BEFORE = "2026-03-01T00:00:00Z";
const AFTER = "2026-07-01T00:00:00Z";
const MIGRATIONS = [
  "0002_risk_warehouse.sql",
  "0003_risk_indexes.sql",
  "0006_seller_login_indexes.sql",
];

async function buildWarehouse(db: Database): Promise<void> {
  await db.exec("CREATE SCHEMA IF NOT EXISTS risk");
  for (const file of MIGRATIONS)
    await db.exec(readFileSync(new URL(`../../../db/migrations/${file}`, import.meta.url), "utf8"));
  const seller = (id: string, acct: string) =>
    `('${id}', 'shop ${id}', '2025-01-01', 'DE', 'toys', 'verified', 'active', NULL, '${acct}')`;
  await db.exec(
    `INSERT INTO risk.sellers VALUES ${[
      seller("slr_1", "acct_a"),
      seller("slr_2", "acct_a"),
      seller("slr_3", "acct_c"),
      seller("slr_4", "acct_s4"),
    ].join(", ")}`,
  );
  await db.exec(`INSERT INTO risk.payout_changes VALUES
    ('pay_1', 'slr_2', 'acct_s2', 'acct_a', '${BEFORE}', 'dev_2', '10.0.0.2'),
    ('pay_2', 'slr_3', 'acct_x', 'acct_c', '${AFTER}', 'dev_3', '10.0.0.3')`);
  await db.exec(`INSERT INTO risk.logins VALUES
    ('lgn_1', 'seller', 'slr_1', '${BEFORE}', '10.0.0.1', 'dev_1', 'DE', true),
    ('lgn_2', 'seller', 'slr_1', '${BEFORE}', '10.6.6.6', 'dev_evil', 'DE', false),
    ('lgn_3', 'seller', 'slr_2', '${BEFORE}', '10.0.0.2', 'dev_2', 'DE', true),
    ('lgn_4', 'seller', 'slr_2', '${AFTER}', '10.0.0.1', 'dev_1', 'DE', true)`);
  const order = (
    id: string,
    buyer: string,
    s: string,
    at: string,
    adr: string,
    dev: string,
    ip: string,
  ) =>
    `('${id}', '${buyer}', '${s}', 'prd_1', 1, 1000, '${at}', 'delivered', 'card', '${adr}', '${dev}', '${ip}', NULL, NULL)`;
  await db.exec(
    `INSERT INTO risk.orders VALUES ${[
      // The ring: a buyer at slr_2 on slr_1's own login device.
      order("ord_1", "byr_1", "slr_2", BEFORE, "adr_1", "dev_1", "10.1.1.1"),
      // A farm of three buyers on one drop address and IP, at slr_3 and at slr_4.
      ...["byr_2", "byr_3", "byr_4"].flatMap((b) => [
        order(`ord_${b}_3`, b, "slr_3", BEFORE, "adr_f", `dev_${b}`, "10.9.9.9"),
        order(`ord_${b}_4`, b, "slr_4", BEFORE, "adr_f", `dev_${b}`, "10.9.9.9"),
      ]),
      // One customer of two shops.
      order("ord_5", "byr_5", "slr_1", BEFORE, "adr_5", "dev_5", "10.5.5.5"),
      order("ord_6", "byr_5", "slr_4", BEFORE, "adr_5", "dev_5", "10.5.5.5"),
      // After the as-of: not seen.
      order("ord_7", "byr_6", "slr_4", AFTER, "adr_7", "dev_1", "10.0.0.1"),
    ].join(", ")}`,
  );
}

export function linksSqlSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`the link tools' SQL on ${engine}`, () => {
    let t: TestDatabase;
    let read: SharedAttributes;
    const held = (seller: string) =>
      read.attributes
        .filter((a) => a.sellerId === seller)
        .map((a) => `${a.role} ${a.kind} ${a.value} b${a.buyers} d${a.degree}`);

    beforeAll(async () => {
      t = await open();
      await buildWarehouse(t.db);
      read = await readSharedAttributes(
        t.db,
        ["slr_4", "slr_3", "slr_2", "slr_1", "slr_none"],
        AS_OF,
      );
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("reads own attributes as of the instant, and order attributes only where they can link", () => {
      expect(read.sellerIds).toEqual(["slr_1", "slr_2", "slr_3", "slr_4"]);
      expect(read.unknownSellerIds).toEqual(["slr_none"]);
      // No failed login, no login or order after the as-of, no one-customer tie.
      expect(held("slr_1")).toEqual([
        "login device dev_1 b0 d2",
        "login ip 10.0.0.1 b0 d1",
        "payout payout_account acct_a b0 d2",
      ]);
      expect(held("slr_2")).toEqual([
        "order device dev_1 b1 d2",
        "login device dev_2 b0 d1",
        "login ip 10.0.0.2 b0 d1",
        "payout payout_account acct_a b0 d2",
        "payout payout_account acct_s2 b0 d1",
      ]);
      // slr_3 held acct_x at the as-of; acct_c only after.
      expect(held("slr_3")).toEqual([
        "order address adr_f b3 d3",
        "order ip 10.9.9.9 b3 d3",
        "payout payout_account acct_x b0 d1",
      ]);
      expect(read.truncated).toEqual([]);
    });

    it("clusters the ring by its payout account and device, and the farm's shops by the drop", () => {
      const clusters = clusterSellers(read);
      expect(clusters.map((c) => c.members)).toEqual([
        ["slr_1", "slr_2"],
        ["slr_3", "slr_4"],
      ]);
      expect(clusters[0]?.bindings.map((b) => b.value)).toEqual(["dev_1", "acct_a"]);
    });

    it("cuts order attributes to the per-seller bound and says whose", async () => {
      const cut = await readSharedAttributes(t.db, ["slr_3", "slr_4"], AS_OF, {
        maxOrderAttributesPerSeller: 1,
        profile: read.profile,
      });
      expect(cut.truncated).toEqual(["slr_3", "slr_4"]);
      expect(
        cut.attributes.filter((a) => a.sellerId === "slr_3" && a.role === "order"),
      ).toHaveLength(1);
    });

    it("profiles degrees per kind over the whole warehouse", async () => {
      const profile = await readDegreeProfile(t.db, AS_OF, { sampleModulus: 1 });
      expect(profile.address).toEqual({ sampled: 3, q1: 1, median: 1, q3: 3, max: 3 });
      expect(profile.payout_account.max).toBe(2);
    });
  });
}
