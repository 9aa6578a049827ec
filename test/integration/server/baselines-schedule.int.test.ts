// The periodic baseline refresh on pg-boss's cron: registered once however many
// workers register it, in UTC; each tick runs on exactly one of the workers sharing
// the database, with the instant it runs at; a cron pg-boss cannot read is refused.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { isAppError } from "../../../domain/errors.js";
import {
  BASELINES_CRON,
  BASELINES_QUEUE,
  startBaselinesSchedule,
} from "../../../server/worker/baselines-schedule.js";
import { openBoss, QUEUE_SCHEMA, queueTimings } from "../../../server/worker/pgboss.js";
import { startWorker } from "../../../server/worker/worker.js";
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from "../../support/engines.js";

const logger = createLogger("silent");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timings = queueTimings(30_000, undefined, { pollingIntervalSeconds: 0.5 });

if (!TEST_DATABASE_URL)
  describe.skip("the baseline refresh schedule (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
else
  describe("the baseline refresh schedule on pg-boss", () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await freshPostgres();
      await migrate(t.db);
    }, 60_000);
    afterAll(async () => {
      await t?.dispose();
    });

    async function schedules() {
      const { rows } = await t.db.query<{ name: string; cron: string; timezone: string }>(
        `SELECT name, cron, timezone FROM ${QUEUE_SCHEMA}.schedule`,
      );
      return rows;
    }

    it("is registered by `startWorker` given a refresh: daily at 00:05 UTC, once for any number of workers", async () => {
      const runner = createCaseRunner(t.db, { warehouse: t.db });
      const start = () =>
        startWorker({
          db: t.db,
          runner,
          logger,
          concurrency: 1,
          sweepMs: 60_000,
          refreshBaselines: async () => {},
        });
      const workers = [await start(), await start()];
      try {
        expect(await schedules()).toEqual([
          { name: BASELINES_QUEUE, cron: BASELINES_CRON, timezone: "UTC" },
        ]);
      } finally {
        for (const worker of workers) await worker.stop(1_000);
      }
    });

    it("runs each tick on exactly one of two workers, with the instant it runs at", async () => {
      const calls: { worker: string; asOf: string }[] = [];
      const bosses: PgBoss[] = [];
      const loops = [];
      for (const worker of ["a", "b"]) {
        // Every minute, and a cron clock that looks every second: ticks come at once.
        const boss = await openBoss({
          db: t.db,
          logger,
          timings,
          role: "worker",
          schedules: true,
          cronMonitorIntervalSeconds: 1,
        });
        bosses.push(boss);
        loops.push(
          await startBaselinesSchedule({
            boss,
            logger,
            cron: "* * * * *",
            pollMs: 500,
            refresh: async (asOf) => {
              calls.push({ worker, asOf });
            },
          }),
        );
      }
      try {
        const deadline = Date.now() + 30_000;
        while (calls.length === 0 && Date.now() < deadline) await sleep(100);
        // Both clocks keep looking (each second) and both workers keep polling.
        await sleep(4_000);
        expect(calls.length).toBeGreaterThan(0);
        for (const call of calls)
          expect(Math.abs(Date.parse(call.asOf) - Date.now())).toBeLessThan(60_000);
        // A tick a minute: two calls in one minute would be one tick run twice.
        const minutes = calls.map((call) => call.asOf.slice(0, 16));
        expect(new Set(minutes).size).toBe(minutes.length);
      } finally {
        for (const loop of loops) await loop.stop();
        for (const boss of bosses) await boss.stop({ graceful: false, close: false });
      }
    }, 60_000);

    it("refuses a cron expression it cannot read", async () => {
      const boss = await openBoss({ db: t.db, logger, timings, role: "worker" });
      try {
        const refused = await startBaselinesSchedule({
          boss,
          logger,
          cron: "every day at noon",
          pollMs: 500,
          refresh: async () => {},
        }).catch((error: unknown) => error);
        expect(isAppError(refused, "bad_argument")).toBe(true);
        expect((refused as Error).message).toMatch(/every day at noon/);
      } finally {
        await boss.stop({ graceful: false, close: false });
      }
    });
  });
