import { describe, expect, it } from "vitest";
import { isAppError } from "../../../domain/errors.js";
import { createInProcessQueue } from "../../../server/worker/in-process-queue.js";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe("the in-process case queue", () => {
  it("runs at most `concurrency` cases at once, in the order they came", async () => {
    const started: string[] = [];
    let running = 0;
    let peak = 0;
    const queue = createInProcessQueue({
      concurrency: 2,
      async work(caseId) {
        started.push(caseId);
        running++;
        peak = Math.max(peak, running);
        await tick(10);
        running--;
      },
    });
    for (const id of ["a", "b", "c", "d", "e"]) await queue.enqueue(id);
    expect(queue.stats()).toEqual({ waiting: 3, running: 2 });
    await queue.idle();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    expect(peak).toBe(2);
    expect(queue.stats()).toEqual({ waiting: 0, running: 0 });
  });

  it("does not take a case twice while it waits or runs, but takes it again afterwards", async () => {
    const runs: string[] = [];
    const queue = createInProcessQueue({
      concurrency: 1,
      async work(caseId) {
        runs.push(caseId);
        await tick();
      },
    });
    await queue.enqueue("a");
    await queue.enqueue("a");
    await queue.enqueueMany(["b", "b"]);
    await queue.idle();
    await queue.enqueue("a");
    await queue.idle();
    expect(runs).toEqual(["a", "b", "a"]);
  });

  it("keeps going when a case's work fails, and reports the failure", async () => {
    const failures: string[] = [];
    const done: string[] = [];
    const queue = createInProcessQueue({
      concurrency: 1,
      async work(caseId) {
        if (caseId === "bad") throw new Error("boom");
        done.push(caseId);
      },
      onError: (caseId) => failures.push(caseId),
    });
    await queue.enqueueMany(["bad", "good"]);
    await queue.idle();
    expect(failures).toEqual(["bad"]);
    expect(done).toEqual(["good"]);
  });

  it("on stop: refuses new cases, drops waiting ones, lets running ones finish within the grace", async () => {
    const finished: string[] = [];
    const queue = createInProcessQueue({
      concurrency: 1,
      async work(caseId) {
        await tick(20);
        finished.push(caseId);
      },
    });
    await queue.enqueue("running");
    await queue.enqueue("waiting");
    await queue.stop(1_000);
    expect(finished).toEqual(["running"]);
    const refused = await queue.enqueue("late").catch((error: unknown) => error);
    expect(isAppError(refused, "unavailable")).toBe(true);
  });

  it("after the grace, aborts the running cases' signal and waits for them to stop", async () => {
    let aborted = false;
    const queue = createInProcessQueue({
      concurrency: 1,
      work: (_caseId, signal) =>
        new Promise((resolve) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            resolve("paused");
          });
        }),
    });
    await queue.enqueue("long");
    await queue.stop(10);
    expect(aborted).toBe(true);
    expect(queue.stats()).toEqual({ waiting: 0, running: 0 });
  });

  it("refuses a concurrency that is not a positive integer", () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN])
      expect(() => createInProcessQueue({ concurrency, work: async () => {} })).toThrow(
        /positive integer/,
      );
  });
});
