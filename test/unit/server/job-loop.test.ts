// The fetch loop over a pg-boss queue, against a scripted queue: it never takes more
// jobs than it has free slots, completes a job whose handler resolved and fails one
// whose handler threw (with the error's message), looks again at once when woken,
// and a stop waits for the handlers and for the queue to hear how they ended.
import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.js";
import { startJobLoop } from "../../../server/worker/job-loop.js";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function scriptedQueue(ids: string[]) {
  const waiting = [...ids];
  const calls = { batchSizes: [] as number[], completed: [] as string[], failed: [] as unknown[] };
  const boss = {
    async fetch(_queue: string, options: { batchSize: number }) {
      calls.batchSizes.push(options.batchSize);
      return waiting
        .splice(0, options.batchSize)
        .map((id) => ({ id, name: "q", data: { caseId: id }, expireInSeconds: 60 }));
    },
    async complete(_queue: string, id: string) {
      await tick(1);
      calls.completed.push(id);
    },
    async fail(_queue: string, id: string, data: unknown) {
      await tick(1);
      calls.failed.push({ id, data });
    },
  };
  return { boss: boss as unknown as PgBoss, calls, waiting };
}

describe("the job loop", () => {
  it("takes at most its free slots, completes what succeeded and fails what threw", async () => {
    const { boss, calls } = scriptedQueue(["a", "b", "c", "d", "bad"]);
    let running = 0;
    let peak = 0;
    const loop = startJobLoop({
      boss,
      queue: "q",
      slots: 2,
      pollMs: 10_000,
      logger: createLogger("silent"),
      async handle(job) {
        running++;
        peak = Math.max(peak, running);
        await tick(10);
        running--;
        if (job.id === "bad") throw new Error("store out of reach");
      },
    });
    while (calls.completed.length + calls.failed.length < 5) await tick();
    await loop.stop();
    expect(peak).toBe(2);
    expect(Math.max(...calls.batchSizes)).toBe(2);
    expect(calls.completed.sort()).toEqual(["a", "b", "c", "d"]);
    expect(calls.failed).toEqual([{ id: "bad", data: { message: "store out of reach" } }]);
  });

  it("looks again at once when woken instead of waiting for its poll", async () => {
    const { boss, calls, waiting } = scriptedQueue([]);
    const handled: string[] = [];
    const loop = startJobLoop({
      boss,
      queue: "q",
      slots: 1,
      pollMs: 60_000,
      logger: createLogger("silent"),
      handle: async (job) => void handled.push(job.id),
    });
    await tick(20); // the first look found nothing: it now waits a minute
    waiting.push("late");
    loop.wake();
    while (calls.completed.length === 0) await tick();
    expect(handled).toEqual(["late"]);
    await loop.stop();
  });

  it("on stop, takes no more jobs and waits until the running ones are completed", async () => {
    const { boss, calls, waiting } = scriptedQueue(["slow", "next"]);
    let release: () => void = () => {};
    const loop = startJobLoop({
      boss,
      queue: "q",
      slots: 1,
      pollMs: 10,
      logger: createLogger("silent"),
      handle: () => new Promise<void>((resolve) => (release = resolve)),
    });
    while (loop.running() === 0) await tick();
    const stopped = loop.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await tick(30);
    expect(done).toBe(false);
    release();
    await stopped;
    expect(calls.completed).toEqual(["slow"]);
    expect(waiting).toEqual(["next"]);
    expect(loop.running()).toBe(0);
  });
});
