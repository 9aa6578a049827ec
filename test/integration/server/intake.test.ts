// Intake, the one use case every door calls: validate, admit, store (idempotent,
// with its audit chain started), queue, notify — and nothing stored when any check fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../db/migrate.js";
import { AppError } from "../../../domain/errors.js";
import { type IntakeDeps, submitCase } from "../../../server/intake.js";
import type { CaseQueue } from "../../../server/worker/case-queue.js";
import { pgliteInMemory, type TestDatabase } from "../../support/engines.js";

function recordingQueue(): CaseQueue & { enqueued: string[] } {
  const enqueued: string[] = [];
  return {
    enqueued,
    enqueue: async (caseId) => void enqueued.push(caseId),
    enqueueMany: async (caseIds) => void enqueued.push(...caseIds),
    stats: () => ({ waiting: enqueued.length, running: 0 }),
    idle: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}

const request = { subject: { type: "seller", id: "slr_intake" }, allegation: "fake reviews" };

describe("intake", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pgliteInMemory();
    await migrate(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const deps = (overrides: Partial<IntakeDeps> = {}) => {
    const queue = recordingQueue();
    const notified: string[] = [];
    const intake: IntakeDeps = {
      db: t.db,
      admit: async () => {},
      queue,
      notify: (id) => void notified.push(id),
      now: () => new Date("2026-11-02T00:00:00Z"),
      ...overrides,
    };
    return { intake, queue, notified };
  };

  const count = async () =>
    (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM casehound.cases")).rows[0]?.n;

  it("stores a case, starts its audit chain, queues it and tells the listeners", async () => {
    const { intake, queue, notified } = deps();
    const { case: stored, replayed } = await submitCase(intake, request, {
      actor: "test",
      idempotencyKey: "intake:1",
    });
    expect(replayed).toBe(false);
    expect(stored).toMatchObject({ status: "queued", subject: request.subject, source: "analyst" });
    expect(queue.enqueued).toEqual([stored.id]);
    expect(notified).toEqual([stored.id]);
    const audit = await t.db.query<{ kind: string; actor: string }>(
      "SELECT kind, actor FROM casehound.audit_events WHERE case_id = $1",
      [stored.id],
    );
    expect(audit.rows).toEqual([{ kind: "case_created", actor: "test" }]);

    const again = await submitCase(deps().intake, request, {
      actor: "test",
      idempotencyKey: "intake:1",
    });
    expect(again).toMatchObject({ replayed: true, case: { id: stored.id } });
  });

  it("lets a door that knows the source set it over the request's", async () => {
    const { case: stored } = await submitCase(
      deps().intake,
      { ...request, source: "analyst" },
      {
        actor: "batch:nightly",
        source: "batch",
      },
    );
    expect(stored.source).toBe("batch");
  });

  it("stores nothing when the request is invalid or the warehouse cannot answer it", async () => {
    const before = await count();
    const { intake, queue } = deps({
      admit: async () => {
        throw new AppError("bad_argument", "asOf is outside the warehouse's data");
      },
    });
    await expect(
      submitCase(intake, { ...request, allegation: "" }, { actor: "t" }),
    ).rejects.toThrow(/the case is not valid: allegation/);
    await expect(submitCase(intake, { subject: "slr_1" }, { actor: "t" })).rejects.toMatchObject({
      code: "bad_argument",
    });
    await expect(submitCase(intake, request, { actor: "t" })).rejects.toThrow(
      /outside the warehouse/,
    );
    expect(await count()).toBe(before);
    expect(queue.enqueued).toEqual([]);
  });

  it("without a queue (the CLI drives its case itself), stores the case and queues nothing", async () => {
    const { intake } = deps({ queue: undefined });
    const { case: stored } = await submitCase(intake, request, { actor: "cli" });
    expect(stored.status).toBe("queued");
  });
});
