// Load: 500 submissions at 50 concurrent through real HTTP (100 in the default tier).
// Every submission is accepted, every case reaches a terminal state with one verdict,
// none is lost or duplicated, and every audit chain verifies. (Speed is measured by
// bench:api.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../../db/repositories/audit.js";
import { call, prepareWorld, startTestApi, type TestApi } from "../../support/api.js";
import type { TestDatabase } from "../../support/engines.js";
import { type Submission, statusesOf, submitAll } from "../../support/load.js";
import { tierSize } from "../../support/tier.js";

const SUBMISSIONS = tierSize({ full: 500, quick: 40 });
const CONCURRENT = 50;
/** Submissions sent a second time with their idempotency keys. */
const RESENT = Math.min(100, SUBMISSIONS);

export function loadSuite(
  engine: string,
  open: () => Promise<TestDatabase>,
  workers: number,
): void {
  describe(`the REST API under load on ${engine}`, () => {
    let t: TestDatabase;
    let api: TestApi;
    let bodies: Submission[];

    beforeAll(async () => {
      t = await open();
      const labels = await prepareWorld(t.db);
      // Planted, hard-negative and ordinary sellers, and some the warehouse does not know.
      const { rows } = await t.db.query<{ seller_id: string }>(
        "SELECT seller_id FROM risk.sellers ORDER BY seller_id LIMIT 300",
      );
      const ids = [
        ...labels.subjects.map((s) => s.subject.id),
        ...rows.map((r) => r.seller_id),
        ...Array.from({ length: 20 }, (_, i) => `slr_unknown_${i}`),
      ];
      // Spread over the whole list, so the smaller tier reaches the unknown sellers too.
      bodies = Array.from({ length: SUBMISSIONS }, (_, i) => ({
        subject: {
          type: "seller" as const,
          id: ids[Math.floor((i * ids.length) / SUBMISSIONS) % ids.length] as string,
        },
        allegation: `load test submission ${i}`,
      }));
      api = await startTestApi(t.db, {
        url: t.url,
        concurrency: workers,
        limits: {
          perKey: { perSecond: 10_000, burst: 10_000 },
          failures: { perSecond: 10, burst: 10 },
        },
      });
    });
    afterAll(async () => {
      await api?.stop();
      await t?.dispose();
    });

    it(`accepts ${SUBMISSIONS} submissions at ${CONCURRENT} concurrent and decides every one of them, losing none`, async () => {
      const load = await submitAll(api, api.keys.service, bodies, CONCURRENT);
      expect(load.statuses).toEqual({ 202: SUBMISSIONS });
      expect(new Set(load.ids).size).toBe(SUBMISSIONS);

      await api.service.queue.idle();
      const statuses = await statusesOf(api, api.keys.analyst);
      expect(statuses.size).toBe(SUBMISSIONS);
      for (const id of load.ids) expect(statuses.get(id), id).toBe("decided");

      const { rows } = await t.db.query<{ cases: number; verdicts: number; runs: number }>(
        `SELECT (SELECT count(*)::int FROM casehound.cases) AS cases,
                (SELECT count(*)::int FROM casehound.verdicts) AS verdicts,
                (SELECT count(*)::int FROM casehound.runs) AS runs`,
      );
      expect(rows[0]).toEqual({ cases: SUBMISSIONS, verdicts: SUBMISSIONS, runs: SUBMISSIONS });
      for (const id of load.ids.slice(0, 50))
        expect((await verifyAuditChain(t.db, id)).ok, id).toBe(true);

      // Re-sending every submission with its key changes nothing.
      const again = await submitAll(api, api.keys.service, bodies.slice(0, RESENT), CONCURRENT);
      expect(again.ids).toEqual(load.ids.slice(0, RESENT));
      const metrics = await call(api, "GET", "/metrics", { key: api.keys.service });
      expect(metrics.text).toMatch(
        new RegExp(`casehound_runs_total\\{outcome="decided"\\} ${SUBMISSIONS}\\b`),
      );
    }, 900_000);
  });
}
