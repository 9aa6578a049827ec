import { describe, expect, it } from "vitest";
import { createRecorder, type Recording } from "../../../controller/recorder.js";
import { isAppError } from "../../../domain/errors.js";

describe("the run recorder", () => {
  it("asks each distinct request once per run and keeps the answer", async () => {
    const saved: Recording[] = [];
    const recorder = createRecorder({ save: async (r) => void saved.push(r) });
    let asked = 0;
    const ask = () =>
      recorder.observe("warehouse", { sql: "SELECT 1", params: [1] }, async () => {
        asked++;
        return { rows: [{ at: new Date("2026-01-02T03:04:05Z"), n: 1 }], rowCount: 1 };
      });
    const [a, b] = await Promise.all([ask(), ask()]);
    await ask();
    expect(asked).toBe(1);
    expect(saved).toHaveLength(1);
    // Live runs see the canonical form a replay will see: dates as ISO strings.
    expect(a).toEqual({ rows: [{ at: "2026-01-02T03:04:05.000Z", n: 1 }], rowCount: 1 });
    expect(b).toEqual(a);
  });

  it("does not keep a failed request: the next attempt asks again", async () => {
    const recorder = createRecorder();
    await expect(
      recorder.observe("warehouse", { q: 1 }, async () => {
        throw new Error("timeout");
      }),
    ).rejects.toThrow("timeout");
    await expect(
      recorder.observe("warehouse", { q: 1 }, async () => ({ ok: true })),
    ).resolves.toEqual({
      ok: true,
    });
  });

  it("replays recorded answers without computing, and refuses a request never recorded", async () => {
    const saved: Recording[] = [];
    const live = createRecorder({ save: async (r) => void saved.push(r) });
    await live.observe("clock", { step: "reflect:1" }, async () => 1234);
    const replay = createRecorder({ recorded: saved, replay: true });
    await expect(
      replay.observe("clock", { step: "reflect:1" }, async () => {
        throw new Error("must not compute");
      }),
    ).resolves.toBe(1234);
    const diverged = await replay
      .observe("clock", { step: "reflect:2" }, async () => 1)
      .catch((e: unknown) => e);
    expect(isAppError(diverged, "replay_diverged")).toBe(true);
    expect((diverged as Error).message).toContain("reflect:2");
  });

  it("refuses a recording whose answer no longer matches its hash", () => {
    const recording: Recording = {
      key: "k",
      tool: "warehouse",
      request: "{}",
      result: '{"rows":[{"value":3}]}',
      resultHash: "0".repeat(64),
    };
    expect(() => createRecorder({ recorded: [recording], replay: true })).toThrow(/altered/);
  });
});
