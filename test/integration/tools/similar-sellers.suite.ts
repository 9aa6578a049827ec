// Similar-seller search on the small demo world: a snapshot refresh stores every
// seller's profile (its mid-rank percentiles among its category peers, as a JS
// reference computes them); planted sellers of one typology find each other first;
// the HNSW answer walks the index and matches exact search; neighbours carry their
// past verdicts; unknown sellers and missing snapshots are refused clearly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvestigator } from "../../../controller/investigate.js";
import { migrate } from "../../../db/migrate.js";
import type { Database } from "../../../db/types.js";
import { isAppError } from "../../../domain/errors.js";
import { INDICATORS } from "../../../tools/indicators/catalog/index.js";
import {
  type BaselineSnapshotInfo,
  refreshBaselineSnapshot,
} from "../../../tools/indicators/snapshots.js";
import { exactSimilarSellers, recallAtK, similarSellers } from "../../../tools/similar/index.js";
import { HNSW_SQL, hnswSettings } from "../../../tools/similar/search-sql.js";
import { seedWorld } from "../../../world/generate.js";
import type { WorldLabels } from "../../../world/labels.js";
import { storeDecidedCase } from "../../support/decided-case.js";
import type { TestDatabase } from "../../support/engines.js";

/** Mid-rank percentile of each seller's value among its category's valued sellers. */
function referencePercentiles(
  values: Map<string, number | null>,
  categories: Map<string, string>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [seller, value] of values) {
    if (value === null) {
      out.set(seller, 0.5);
      continue;
    }
    const peers = [...values]
      .filter(([s, v]) => v !== null && categories.get(s) === categories.get(seller))
      .map(([, v]) => v as number);
    const below = peers.filter((v) => v < value).length;
    const tied = peers.filter((v) => v === value).length;
    out.set(seller, (below + tied / 2) / peers.length);
  }
  return out;
}

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(isAppError(error) && error.code).toBe(code);
  expect((error as Error).message).toMatch(message);
}

export function similarSellersSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`similar sellers on ${engine}`, () => {
    let t: TestDatabase;
    let db: Database;
    let labels: WorldLabels;
    let snapshot: BaselineSnapshotInfo;
    const kindOf = (id: string) => labels.subjects.find((s) => s.subject.id === id)?.kind;
    const primaries = (kind: string) =>
      labels.subjects
        .filter((s) => s.kind === kind && s.role === "primary")
        .map((s) => s.subject.id);

    beforeAll(async () => {
      t = await open();
      db = t.db;
      await migrate(db);
      labels = (await seedWorld(db, { size: "small", seed: 5 })).labels;
      snapshot = await refreshBaselineSnapshot(db, db, labels.as_of);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it("a refresh stores one profile per seller, one percentile in [0, 1] per indicator", async () => {
      const { rows } = await db.query<{ n: number; sellers: number }>(
        `SELECT (SELECT count(*) FROM casehound.seller_profiles WHERE snapshot_id = $1) AS n,
                (SELECT count(*) FROM risk.sellers) AS sellers`,
        [snapshot.id],
      );
      expect(Number(rows[0]?.n)).toBe(Number(rows[0]?.sellers));
      expect(snapshot.profiles).toBe(Number(rows[0]?.sellers));
      expect(snapshot.profileSeconds).toBeGreaterThan(0);
      const sample = await db.query<{ profile: number[] }>(
        "SELECT profile FROM casehound.seller_profiles WHERE snapshot_id = $1 LIMIT 50",
        [snapshot.id],
      );
      for (const { profile } of sample.rows) {
        expect(profile).toHaveLength(INDICATORS.length);
        for (const p of profile) expect(p >= 0 && p <= 1).toBe(true);
      }
    });

    it("each component is the seller's mid-rank percentile among its category peers (missing: 0.5)", async () => {
      const sellers = await db.query<{ seller_id: string; category: string }>(
        "SELECT seller_id, category FROM risk.sellers",
      );
      const categories = new Map(sellers.rows.map((r) => [r.seller_id, r.category]));
      // A count (absent = 0) and a share (absent = no value) from the catalogue.
      for (const id of ["context.orders_30d", "brushing.fast_reviews"]) {
        const index = INDICATORS.findIndex((i) => i.id === id);
        const definition = INDICATORS[index];
        if (!definition) throw new Error(`no indicator ${id}`);
        const read = await db.query<{ seller_id: string; value: number | null }>(
          definition.valueSql,
          [null, snapshot.asOf],
        );
        const byId = new Map(read.rows.map((r) => [r.seller_id, r.value]));
        const values = new Map(
          [...categories.keys()].map((s) => {
            const v = byId.has(s) ? byId.get(s) : definition.whenAbsent;
            return [s, v === null || v === undefined ? null : Number(v)] as const;
          }),
        );
        const expected = referencePercentiles(values, categories);
        const stored = await db.query<{ seller_id: string; p: number }>(
          `SELECT seller_id, (profile::real[])[$2] AS p
           FROM casehound.seller_profiles WHERE snapshot_id = $1`,
          [snapshot.id, index + 1],
        );
        expect(stored.rows.length).toBe(categories.size);
        for (const r of stored.rows)
          expect(Number(r.p), `${id} ${r.seller_id}`).toBeCloseTo(
            expected.get(r.seller_id) as number,
            5,
          );
        if (definition.whenAbsent === null)
          expect([...values.values()].some((v) => v === null)).toBe(true);
      }
    });

    it("planted sellers of one typology find each other first", async () => {
      for (const kind of ["account_takeover", "incentive_abuse", "viral_seller"]) {
        const planted = primaries(kind);
        expect(planted.length, kind).toBeGreaterThanOrEqual(2);
        for (const seller of planted) {
          const answer = await exactSimilarSellers(db, seller, { asOf: labels.as_of, k: 10 });
          expect(kindOf(answer.neighbours[0]?.sellerId as string), `${kind} ${seller}`).toBe(kind);
        }
      }
      // An ordinary seller's nearest ten hold no planted fraud of those kinds.
      const ordinary = primaries("ordinary")[0] as string;
      const answer = await exactSimilarSellers(db, ordinary, { asOf: labels.as_of, k: 10 });
      for (const n of answer.neighbours)
        expect(["account_takeover", "incentive_abuse"]).not.toContain(kindOf(n.sellerId));
    });

    it("the HNSW search walks the index and finds what exact search finds", async () => {
      const plan = await db.transaction(async (tx) => {
        for (const [name, value] of Object.entries(hnswSettings(100)))
          await tx.query("SELECT set_config($1, $2, true)", [name, value]);
        const probe = `[${INDICATORS.map(() => 0.5).join(",")}]`;
        const { rows } = await tx.query<Record<string, string>>(`EXPLAIN ${HNSW_SQL}`, [
          snapshot.id,
          probe,
          "nobody",
          10,
        ]);
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
      expect(plan).toMatch(/Index Scan using seller_profiles_hnsw_idx/);
      const subjects = labels.subjects.filter((s) => s.role === "primary").map((s) => s.subject.id);
      let recall = 0;
      for (const seller of subjects) {
        const approximate = await similarSellers(db, seller, { asOf: labels.as_of, k: 10 });
        const exact = await exactSimilarSellers(db, seller, { asOf: labels.as_of, k: 10 });
        expect(approximate.neighbours).toHaveLength(10);
        expect(approximate.neighbours.map((n) => n.sellerId)).not.toContain(seller);
        recall += recallAtK(approximate.neighbours, exact.neighbours, 10);
      }
      expect(recall / subjects.length).toBeGreaterThanOrEqual(0.95);
    });

    it("neighbours carry their decided cases, and the answer records the queries it ran", async () => {
      const seller = primaries("account_takeover")[0] as string;
      const first = await similarSellers(db, seller, { asOf: labels.as_of, k: 3 });
      const neighbour = first.neighbours[0]?.sellerId as string;
      await storeDecidedCase(db, {
        caseId: "case-similar-1",
        sellerId: neighbour,
        decision: "fraud",
        verdictHash: "a".repeat(64),
        at: "2026-11-02T00:00:00.000Z",
      });
      await db.query(
        `INSERT INTO casehound.reviews (review_id, case_id, verdict_hash, reviewer, outcome, decision, reason, created_at)
         VALUES ('rev-similar-1', 'case-similar-1', $1, 'ana', 'overridden', 'suspicious', 'thin', '2026-11-03T00:00:00Z')`,
        ["a".repeat(64)],
      );
      const answer = await similarSellers(db, seller, { asOf: labels.as_of, k: 3 });
      expect(answer.neighbours[0]?.verdicts).toEqual([
        {
          caseId: "case-similar-1",
          sellerId: neighbour,
          decision: "fraud",
          verdictHash: "a".repeat(64),
          decidedAt: "2026-11-02T00:00:00.000Z",
          overriddenTo: "suspicious",
        },
      ]);
      expect(answer.neighbours.slice(1).every((n) => n.verdicts.length === 0)).toBe(true);
      // The recorded query, run again with its parameters, gives the same neighbours.
      const { sql, params } = answer.queries.neighbours;
      const again = await db.query<{ seller_id: string }>(sql, params);
      expect(new Set(again.rows.map((r) => r.seller_id))).toEqual(
        new Set(answer.neighbours.map((n) => n.sellerId)),
      );
      expect(answer.queries.verdicts.params).toEqual([
        answer.neighbours.map((n) => n.sellerId),
        null,
      ]);
      expect(answer).toMatchObject({ snapshot: { id: snapshot.id }, method: "hnsw", k: 3 });
    });

    it("an investigation's verdict carries the look-alike sellers and their cases decided by its as-of, as link evidence no reading cites", async () => {
      const seller = primaries("account_takeover")[0] as string;
      const expected = await similarSellers(db, seller, { asOf: labels.as_of, k: 10 });
      const nearest = expected.neighbours[0]?.sellerId as string;
      // Decided before the as-of: shown. case-similar-1 (decided after it): not.
      await storeDecidedCase(db, {
        caseId: "case-similar-early",
        sellerId: nearest,
        decision: "fraud",
        verdictHash: "b".repeat(64),
        at: new Date(Date.parse(labels.as_of) - 10 * 86_400_000).toISOString(),
      });
      const investigate = createInvestigator({ warehouse: db });
      const result = await investigate({
        subject: { type: "seller", id: seller },
        allegation: "logins from a new device, then a payout change",
        asOf: labels.as_of,
      });
      const lookAlikes = result.evidence.filter((e) => e.source.via === "similar_sellers");
      expect(lookAlikes).toHaveLength(1);
      const [evidence] = lookAlikes;
      expect(evidence?.kind).toBe("link");
      const data = evidence?.data as {
        snapshot: { id: string };
        neighbours: { seller_id: string; verdicts: { case_id: string }[] }[];
      };
      expect(data.snapshot.id).toBe(snapshot.id);
      expect(data.neighbours.map((n) => n.seller_id)).toEqual(
        expected.neighbours.map((n) => n.sellerId),
      );
      const shown = data.neighbours.flatMap((n) => n.verdicts.map((v) => v.case_id));
      expect(data.neighbours[0]?.verdicts.map((v) => v.case_id)).toEqual(["case-similar-early"]);
      expect(shown).not.toContain("case-similar-1");
      expect(evidence?.source.locator).toContain(expected.queries.neighbours.sql.trim());
      expect(evidence?.source.params[1]).toEqual([
        expected.neighbours.map((n) => n.sellerId),
        labels.as_of,
      ]);
      // Context only: no reading, hence no score, rests on it.
      expect(result.readings.some((r) => r.evidence_id === evidence?.id)).toBe(false);
    }, 120_000);

    it("a refresh of an instant whose snapshot predates profiles adds them", async () => {
      const seller = primaries("incentive_abuse")[0] as string;
      const before = await exactSimilarSellers(db, seller, { asOf: labels.as_of, k: 5 });
      // The snapshot as migration 0017 finds one computed before it: no profiles.
      await db.query("DELETE FROM casehound.seller_profiles WHERE snapshot_id = $1", [snapshot.id]);
      await db.query(
        "UPDATE casehound.baseline_snapshots SET profiles = NULL, profile_seconds = NULL WHERE id = $1",
        [snapshot.id],
      );
      await expectAppError(
        similarSellers(db, seller, { asOf: labels.as_of }),
        "conflict",
        /casehound baselines refresh/,
      );
      const again = await refreshBaselineSnapshot(db, db, labels.as_of);
      expect(again).toMatchObject({
        id: snapshot.id,
        computed: false,
        profiles: snapshot.profiles,
      });
      const after = await exactSimilarSellers(db, seller, { asOf: labels.as_of, k: 5 });
      expect(after.neighbours).toEqual(before.neighbours);
      // A second refresh finds them there and leaves them.
      expect(await refreshBaselineSnapshot(db, db, labels.as_of)).toMatchObject({
        id: snapshot.id,
        profiles: snapshot.profiles,
      });
    });

    it("refuses an unknown seller, an as-of before any snapshot, and a bad k", async () => {
      await expectAppError(
        similarSellers(db, "slr_nobody", { asOf: labels.as_of }),
        "not_found",
        /no seller slr_nobody in baseline snapshot/,
      );
      await expectAppError(
        similarSellers(db, primaries("ordinary")[0] as string, { asOf: "2020-01-01T00:00:00Z" }),
        "conflict",
        /casehound baselines refresh/,
      );
      for (const k of [0, 101, 2.5])
        await expectAppError(
          similarSellers(db, primaries("ordinary")[0] as string, { asOf: labels.as_of, k }),
          "bad_argument",
          /k must be/,
        );
    });
  });
}
