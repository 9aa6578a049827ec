// A small variant world seeded into PGlite: the classic default is the world it
// always was, and the mixed one loads, labels every case with its channel, variant
// and allegation, and shows in SQL the links its labels claim.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import type { Database } from "../../../db/types.js";
import { WAREHOUSE_TABLES } from "../../../db/warehouse-tables.js";
import { type SeedResult, seedWorld } from "../../../world/generate.js";
import { generateRows } from "../../../world/generate-rows.js";
import { MIXED_PLANTS } from "../../../world/plants/index.js";
import { DEFAULT_AS_OF } from "../../../world/sizes.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

/** The small classic world of seed 42 as it was before variants existed. */
const CLASSIC_SMALL_42 = "ff01767f8efdb57de946d31f2279ff01ffde329aeeb8e77a0e5e4edf6d104673";

describe("the classic default", () => {
  it("gives the same content hash for seed 42 as before variant worlds existed", async () => {
    const classic = await generateRows(
      { size: "small", seed: 42, asOf: Date.parse(DEFAULT_AS_OF) },
      async () => {},
    );
    expect(classic.contentHash).toBe(CLASSIC_SMALL_42);
    for (const s of classic.subjects) {
      expect(s.channel).toBeNull();
      expect(s.allegation).toBeNull();
    }
  });
});

describe("a small mixed world in PGlite", () => {
  let t: TestDatabase;
  let db: Database;
  let seeded: SeedResult;
  const primaries = () => seeded.labels.subjects.filter((s) => s.role === "primary");

  beforeAll(async () => {
    t = await pgliteInMemory();
    db = t.db;
    await migrate(db);
    seeded = await seedWorld(db, { size: "small", seed: 42, variants: "mixed" });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("loads every row and is another world than the classic one", async () => {
    for (const table of WAREHOUSE_TABLES) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM risk.${table}`);
      expect(rows[0]?.n, table).toBe(seeded.rowCounts[table]);
    }
    expect(seeded.contentHash).not.toBe(CLASSIC_SMALL_42);
    expect(seeded.labels).toMatchObject({ variants: "mixed", background: "realistic" });
  });

  it("labels every kind, every typology case's shape, and every escalated subject's allegation", () => {
    const kinds = new Set(primaries().map((s) => s.kind));
    for (const plant of MIXED_PLANTS) expect(kinds.has(plant.kind), plant.kind).toBe(true);
    for (const s of primaries()) {
      expect(s.allegation?.trim(), s.kind).toBeTruthy();
      expect(s.allegation_style).not.toBeNull();
      if (s.typology !== "none") {
        expect(s.channel, s.kind).not.toBeNull();
        expect(s.variant, s.kind).not.toBeNull();
      }
    }
    expect(new Set(primaries().map((s) => s.allegation_style)).size).toBeGreaterThanOrEqual(3);
  });

  it("shows each address-channel scheme's buyers shipping to shared addresses, unlike the marketplace", async () => {
    const { rows } = await db.query<{ seller_id: string; share: number }>(
      `WITH o AS (SELECT DISTINCT seller_id, buyer_id, shipping_address_id FROM risk.orders),
            shared AS (SELECT seller_id, shipping_address_id FROM o GROUP BY 1, 2 HAVING count(*) > 1)
       SELECT o.seller_id, avg((sh.shipping_address_id IS NOT NULL)::int)::float8 AS share
         FROM o LEFT JOIN shared sh USING (seller_id, shipping_address_id) GROUP BY o.seller_id`,
    );
    const share = new Map(rows.map((r) => [r.seller_id, r.share]));
    const schemes = primaries().filter((s) => s.channel === "address" && s.typology !== "none");
    expect(schemes.length).toBeGreaterThan(0);
    const labelled = new Set(seeded.labels.subjects.map((s) => s.subject.id));
    const ordinary = rows.filter((r) => !labelled.has(r.seller_id)).map((r) => r.share);
    const typical = ordinary.sort((a, b) => a - b)[Math.floor(ordinary.length * 0.9)] ?? 0;
    for (const s of schemes) expect(share.get(s.subject.id), s.kind).toBeGreaterThan(typical);
  });

  it("puts hundreds of buyers behind the carrier-NAT addresses a phone-run shop logs in from", async () => {
    const shop = primaries().find((s) => s.kind === "carrier_nat");
    const { rows } = await db.query<{ buyers: number }>(
      `SELECT count(DISTINCT o.buyer_id)::int AS buyers FROM risk.orders o
        WHERE o.ip IN (SELECT ip FROM risk.logins WHERE account_type = 'seller' AND account_id = $1)`,
      [shop?.subject.id],
    );
    expect(rows[0]?.buyers).toBeGreaterThan(200);
  });
});
