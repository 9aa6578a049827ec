// The worker runs without an HTTP server: intake queues a case on it, its consumer
// drives the case through the case runner to a stored verdict, and its sweeper picks
// up a case that was stored while no worker ran.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { createCaseRunner } from "../../../controller/run-case.js";
import { migrate } from "../../../db/migrate.js";
import { getCase } from "../../../db/repositories/cases.js";
import { isAppError } from "../../../domain/errors.js";
import { submitCase } from "../../../server/intake.js";
import { openProducerQueue, startWorker } from "../../../server/worker/worker.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

describe("the worker on its own", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("has no producer-only queue on the embedded database: the process that stores a case runs it", async () => {
    const refused = await openProducerQueue({ db: t.db, logger: createLogger("silent") }).catch(
      (error: unknown) => error,
    );
    expect(isAppError(refused, "bad_argument")).toBe(true);
    expect((refused as Error).message).toMatch(/server PostgreSQL \(DATABASE_URL\)/);
  });

  it("decides queued cases, including one stored before it started, with no HTTP server", async () => {
    const runner = createCaseRunner(t.db, { warehouse: t.db });
    const now = () => new Date();
    const admit = (request: Parameters<typeof runner.admit>[0]) => runner.admit(request);
    // Stored while no worker ran: the sweeper finds it on start.
    const early = await submitCase(
      { db: t.db, admit, now },
      {
        subject: { type: "seller", id: "slr_not_in_the_warehouse" },
        allegation: "stored before the worker started",
      },
      { actor: "test" },
    );
    const ended: string[] = [];
    const worker = await startWorker({
      db: t.db,
      runner,
      logger: createLogger("silent"),
      concurrency: 2,
      sweepMs: 60_000,
      onRunEnded: (outcome) => ended.push(outcome),
    });
    try {
      const later = await submitCase(
        { db: t.db, admit, now, queue: worker.queue },
        {
          subject: { type: "order", id: "ord_missing" },
          allegation: "queued on the running worker",
        },
        { actor: "test" },
      );
      expect(worker.kind).toBe("in-process");
      await worker.queue.idle();
      for (const id of [early.case.id, later.case.id])
        expect((await getCase(t.db, id))?.status, id).toBe("decided");
      expect(ended).toEqual(["decided", "decided"]);
    } finally {
      await worker.stop(1_000);
    }
  });
});
