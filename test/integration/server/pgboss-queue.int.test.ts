// The pg-boss case queue on server PostgreSQL: one waiting job per case, a consumer
// that runs at most `concurrency` cases, a failure the runner could not record
// retried and then dead-lettered (the case ends failed with the queue's reason), a
// job whose handler outlives its expiry (as a dead process's does) retried the same
// way, a stop that gives running cases their grace and queues the paused ones again,
// and a real case decided through intake and `startWorker`.
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { openPostgres } from "../../../db/postgres.js";
import { verifyAuditChain } from "../../../db/repositories/audit.js";
import { createCase, getCase } from "../../../db/repositories/cases.js";
import { isAppError } from "../../../domain/errors.js";
import { submitCase } from "../../../server/intake.js";
import type { CaseWork, RunOutcome } from "../../../server/worker/case-queue.js";
import {
  DEAD_LETTER_QUEUE,
  INVESTIGATE_QUEUE,
  openBoss,
  QUEUE_SCHEMA,
  type QueueTimings,
  queueTimings,
} from "../../../server/worker/pgboss.js";
import { createPgBossQueue } from "../../../server/worker/pgboss-queue.js";
import { openProducerQueue, startWorker } from "../../../server/worker/worker.js";
import { call, startTestApi } from "../../support/api.js";
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from "../../support/engines.js";

const logger = createLogger("silent");
const FAST: Partial<QueueTimings> = {
  pollingIntervalSeconds: 0.5,
  retryLimit: 1,
  retryDelaySeconds: 1,
  maintenanceIntervalSeconds: 1,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

if (!TEST_DATABASE_URL)
  describe.skip("the pg-boss case queue (TEST_DATABASE_URL unset)", () => it("skipped", () => {}));
else
  describe("the pg-boss case queue on server PostgreSQL", () => {
    let t: TestDatabase;
    const opened: PgBoss[] = [];
    beforeAll(async () => {
      t = await freshPostgres();
      await migrate(t.db);
    }, 60_000);
    afterEach(async () => {
      for (const boss of opened.splice(0))
        await boss.stop({ graceful: false, close: false }).catch(() => {});
      await t.db.query(`TRUNCATE ${QUEUE_SCHEMA}.job`).catch(() => {});
    });
    afterAll(async () => {
      await t?.dispose();
    });

    async function boss(timings: QueueTimings, role: "worker" | "producer" = "worker") {
      const started = await openBoss({ db: t.db, logger, timings, role });
      opened.push(started);
      return started;
    }

    let serial = 0;
    async function storedCase(): Promise<string> {
      const { case: stored } = await createCase(
        t.db,
        { subject: { type: "seller", id: `slr_queue_${++serial}` }, allegation: "queue test" },
        { actor: "test" },
      );
      return stored.id;
    }

    async function jobs(queue: string, caseId: string) {
      const { rows } = await t.db.query<{ state: string; retry_count: number }>(
        `SELECT state::text, retry_count FROM ${QUEUE_SCHEMA}.job
          WHERE name = $1 AND data->>'caseId' = $2 ORDER BY created_on`,
        [queue, caseId],
      );
      return rows;
    }

    it("starts on several processes at once on a database where pg-boss was never installed", async () => {
      const fresh = await freshPostgres();
      const dbs = [
        fresh.db,
        await openPostgres(fresh.url as string),
        await openPostgres(fresh.url as string),
      ];
      try {
        const timings = queueTimings(30_000, undefined, FAST);
        const started = await Promise.allSettled(
          dbs.map((db) => openBoss({ db, logger, timings, role: "worker" })),
        );
        for (const result of started) {
          expect(result.status, String((result as PromiseRejectedResult).reason)).toBe("fulfilled");
          if (result.status === "fulfilled")
            await result.value.stop({ graceful: false, close: false });
        }
      } finally {
        for (const db of dbs.slice(1)) await db.close();
        await fresh.dispose();
      }
    });

    it("keeps its tables in their own schema, and one waiting job per case however often it is queued", async () => {
      const timings = queueTimings(30_000, undefined, FAST);
      const queue = createPgBossQueue({
        boss: await boss(timings, "producer"),
        db: t.db,
        logger,
        timings,
      });
      const [a, b] = [await storedCase(), await storedCase()];
      await queue.enqueue(a);
      await queue.enqueue(a);
      await queue.enqueueMany([a, b, b]);
      await queue.enqueueMany([b]);
      expect(await jobs(INVESTIGATE_QUEUE, a)).toEqual([{ state: "created", retry_count: 0 }]);
      expect(await jobs(INVESTIGATE_QUEUE, b)).toEqual([{ state: "created", retry_count: 0 }]);
      const { rows } = await t.db.query<{ schema: string }>(
        "SELECT DISTINCT table_schema AS schema FROM information_schema.tables WHERE table_name = 'job'",
      );
      expect(rows.map((r) => r.schema)).toEqual([QUEUE_SCHEMA]);
      await until("the waiting gauge", async () =>
        queue.stats().waiting === 2 ? true : undefined,
      );
      const refused = await queue.enqueue("").catch((error: unknown) => error);
      expect(isAppError(refused, "bad_argument")).toBe(true);
      await queue.stop(0);
      const late = await queue.enqueue(a).catch((error: unknown) => error);
      expect(isAppError(late, "unavailable")).toBe(true);
    });

    it("runs at most `concurrency` cases at once and completes their jobs", async () => {
      const timings = queueTimings(30_000, undefined, FAST);
      const ids = await Promise.all(Array.from({ length: 6 }, () => storedCase()));
      let running = 0;
      let peak = 0;
      const done: string[] = [];
      const work: CaseWork = async (caseId) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(50);
        running--;
        done.push(caseId);
        return "decided";
      };
      const queue = createPgBossQueue({
        boss: await boss(timings),
        db: t.db,
        logger,
        timings,
        consumer: { concurrency: 2, work },
      });
      await queue.enqueueMany(ids);
      await queue.idle();
      expect([...done].sort()).toEqual([...ids].sort());
      expect(peak).toBe(2);
      for (const id of ids)
        expect(await jobs(INVESTIGATE_QUEUE, id)).toEqual([{ state: "completed", retry_count: 0 }]);
      await queue.stop(1_000);
    });

    it("completes the job of a run that failed in the store, without running it again", async () => {
      const timings = queueTimings(30_000, undefined, FAST);
      const id = await storedCase();
      const calls: string[] = [];
      const work: CaseWork = async (caseId) => {
        calls.push(caseId);
        // What the runner does with a failing run: it records the failure.
        await t.db.query(
          "UPDATE casehound.cases SET status = 'failed', error = 'recorded' WHERE case_id = $1",
          [caseId],
        );
        return "failed";
      };
      const queue = createPgBossQueue({
        boss: await boss(timings),
        db: t.db,
        logger,
        timings,
        consumer: { concurrency: 1, work },
      });
      await queue.enqueue(id);
      await queue.idle();
      expect(calls).toEqual([id]);
      expect(await jobs(INVESTIGATE_QUEUE, id)).toEqual([{ state: "completed", retry_count: 0 }]);
      // A stale copy of its job later finds it settled: nothing runs.
      await queue.enqueue(id);
      await queue.idle();
      expect(calls).toEqual([id]);
      await queue.stop(1_000);
    });

    it("retries a failure the runner could not record, then dead-letters it and ends the case failed", async () => {
      const timings = queueTimings(30_000, undefined, FAST);
      const id = await storedCase();
      const attempts: string[] = [];
      // The store was out of reach: nothing recorded, the case still queued.
      const work: CaseWork = async (caseId) => {
        attempts.push(caseId);
        return "failed";
      };
      const queue = createPgBossQueue({
        boss: await boss(timings),
        db: t.db,
        logger,
        timings,
        consumer: { concurrency: 1, work },
      });
      await queue.enqueue(id);
      const failed = await until("the case to fail", async () => {
        const stored = await getCase(t.db, id);
        return stored?.status === "failed" ? stored : undefined;
      });
      expect(failed.status).toBe("failed");
      expect(attempts).toEqual([id, id]); // the first attempt and its one retry
      expect((await jobs(INVESTIGATE_QUEUE, id)).map((j) => j.state)).toEqual(["failed"]);
      await until("the dead letter to complete", async () =>
        (await jobs(DEAD_LETTER_QUEUE, id))[0]?.state === "completed" ? true : undefined,
      );
      const { rows } = await t.db.query<{ error: string; kind: string; actor: string }>(
        `SELECT c.error, e.kind, e.actor FROM casehound.cases c
           JOIN casehound.audit_events e ON e.case_id = c.case_id
          WHERE c.case_id = $1 ORDER BY e.seq DESC LIMIT 1`,
        [id],
      );
      expect(rows[0]).toMatchObject({ kind: "run_failed", actor: "queue" });
      expect(rows[0]?.error).toMatch(/gave up on the case after 2 attempts.*still queued/);
      expect((await verifyAuditChain(t.db, id)).ok).toBe(true);
      await queue.stop(1_000);
    });

    it("retries a job whose handler outlived its expiry, as a dead process's does, and finally fails the case", async () => {
      const timings = queueTimings(30_000, undefined, { ...FAST, expireInSeconds: 1 });
      const id = await storedCase();
      let attempts = 0;
      // Never ends by itself: only pg-boss's expiry takes the job back.
      const work: CaseWork = (_caseId, signal) => {
        attempts++;
        return new Promise<RunOutcome>((resolve) =>
          signal.addEventListener("abort", () => resolve("paused")),
        );
      };
      const queue = createPgBossQueue({
        boss: await boss(timings),
        db: t.db,
        logger,
        timings,
        consumer: { concurrency: 3, work },
      });
      await queue.enqueue(id);
      const failed = await until("the case to fail", async () => {
        const stored = await getCase(t.db, id);
        return stored?.status === "failed" ? stored : undefined;
      });
      expect(attempts).toBe(2);
      const { rows } = await t.db.query<{ error: string }>(
        "SELECT error FROM casehound.cases WHERE case_id = $1",
        [id],
      );
      expect(rows[0]?.error).toMatch(/gave up.*job failed by timeout in active state/);
      expect(failed.status).toBe("failed");
      await queue.stop(0);
    });

    it("on stop, lets a running case finish within the grace and queues a paused one again", async () => {
      const timings = queueTimings(30_000, undefined, FAST);
      const [quick, slow] = [await storedCase(), await storedCase()];
      const seen: Record<string, string> = {};
      const work: CaseWork = (caseId, signal) =>
        new Promise<RunOutcome>((resolve) => {
          let ended = false;
          if (caseId === quick)
            setTimeout(() => {
              ended = true;
              resolve("decided");
            }, 300);
          signal.addEventListener("abort", () => {
            if (ended) return;
            seen[caseId] = "aborted";
            resolve("paused");
          });
        });
      const queue = createPgBossQueue({
        boss: await boss(timings),
        db: t.db,
        logger,
        timings,
        consumer: { concurrency: 2, work },
      });
      await queue.enqueueMany([quick, slow]);
      await until("both to run", async () => (queue.stats().running === 2 ? true : undefined));
      await queue.stop(1_000);
      expect(seen).toEqual({ [slow]: "aborted" });
      expect((await jobs(INVESTIGATE_QUEUE, quick)).map((j) => j.state)).toEqual(["completed"]);
      // Its job completed, and a new one waits for the next worker.
      expect((await jobs(INVESTIGATE_QUEUE, slow)).map((j) => j.state)).toEqual([
        "completed",
        "created",
      ]);
    });

    it("serves an API without workers that queues cases for a worker elsewhere", async () => {
      const api = await startTestApi(t.db, { url: t.url, workers: false });
      const runner = createCaseRunner(t.db, { warehouse: t.db, leaseMs: 5_000 });
      let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
      try {
        const posted = await call(api, "POST", "/v1/cases", {
          key: api.keys.service,
          json: { subject: { type: "seller", id: "slr_for_a_worker" }, allegation: "no workers" },
        });
        expect(posted.status).toBe(202);
        const id = (posted.body as { id: string }).id;
        await sleep(1_000);
        expect((await getCase(t.db, id))?.status).toBe("queued");
        expect(await jobs(INVESTIGATE_QUEUE, id)).toEqual([{ state: "created", retry_count: 0 }]);
        expect(api.service.queue.stats().running).toBe(0);
        worker = await startWorker({
          db: t.db,
          runner,
          logger,
          concurrency: 1,
          sweepMs: 60_000,
          queueTimings: FAST,
        });
        await until("the case to be decided", async () =>
          (await getCase(t.db, id))?.status === "decided" ? true : undefined,
        );
      } finally {
        await worker?.stop(1_000);
        await api.stop(1_000);
      }
    });

    it("decides a case submitted through a producer on a worker that `startWorker` chose for the engine", async () => {
      const runner = createCaseRunner(t.db, { warehouse: t.db, leaseMs: 5_000 });
      const ended: string[] = [];
      const worker = await startWorker({
        db: t.db,
        runner,
        logger,
        concurrency: 2,
        sweepMs: 60_000,
        queueTimings: FAST,
        onRunEnded: (outcome) => ended.push(outcome),
      });
      const producer = await openProducerQueue({ db: t.db, logger });
      try {
        expect(worker.kind).toBe("pg-boss");
        const { case: submitted } = await submitCase(
          { db: t.db, admit: (r) => runner.admit(r), now: () => new Date(), queue: producer },
          {
            subject: { type: "seller", id: "slr_not_in_the_warehouse" },
            allegation: "via pg-boss",
          },
          { actor: "test" },
        );
        const decided = await until("the case to be decided", async () => {
          const stored = await getCase(t.db, submitted.id);
          return stored?.status === "decided" ? stored : undefined;
        });
        expect(decided.status).toBe("decided");
        await producer.idle();
        // The cases earlier tests left queued in the store were swept up on start, too.
        const left = await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM casehound.cases WHERE status IN ('queued', 'running')",
        );
        expect(left.rows[0]?.n).toBe(0);
        expect(ended.length).toBeGreaterThan(1);
        expect(new Set(ended)).toEqual(new Set(["decided"]));
        expect(await jobs(INVESTIGATE_QUEUE, submitted.id)).toEqual([
          { state: "completed", retry_count: 0 },
        ]);
      } finally {
        await producer.stop(0);
        await worker.stop(1_000);
      }
    });
  });
