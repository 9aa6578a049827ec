// DatabaseCheckpointSaver behaviour the conformance suite does not pin down: which pending
// write wins on a retry, the order writes come back in, binary values, repeated setup.
import { randomUUID } from "node:crypto";
import type { RunnableConfig } from "@langchain/core/runnables";
import { ERROR, emptyCheckpoint, INTERRUPT } from "@langchain/langgraph-checkpoint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseCheckpointSaver } from "../../../db/checkpoint/database-saver.js";
import type { TestDatabase } from "../../support/engines.js";

const meta = { source: "loop" as const, step: 0, parents: {} };

export function databaseSaverSuite(engine: string, open: () => Promise<TestDatabase>): void {
  describe(`DatabaseCheckpointSaver on ${engine}`, () => {
    let t: TestDatabase;
    let saver: DatabaseCheckpointSaver;
    beforeAll(async () => {
      t = await open();
      saver = new DatabaseCheckpointSaver(t.db);
      await saver.setup();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    async function freshCheckpoint(): Promise<RunnableConfig> {
      return saver.put({ configurable: { thread_id: randomUUID() } }, emptyCheckpoint(), meta, {});
    }

    it("keeps a task's first regular write on a retry but its latest error and interrupt", async () => {
      const config = await freshCheckpoint();
      await saver.putWrites(config, [["notes", "first"]], "task-1");
      await saver.putWrites(config, [["notes", "retried"]], "task-1");
      await saver.putWrites(config, [[ERROR, "boom 1"]], "task-1");
      await saver.putWrites(config, [[ERROR, "boom 2"]], "task-1");
      await saver.putWrites(config, [[INTERRUPT, "ask 1"]], "task-1");
      await saver.putWrites(config, [[INTERRUPT, "ask 2"]], "task-1");

      const tuple = await saver.getTuple(config);

      expect(tuple?.pendingWrites).toEqual([
        ["task-1", INTERRUPT, "ask 2"],
        ["task-1", ERROR, "boom 2"],
        ["task-1", "notes", "first"],
      ]);
    });

    it("returns pending writes by task path, then task id, then index, not by arrival", async () => {
      const config = await freshCheckpoint();
      await saver.putWrites(
        config,
        [
          ["n", "b0"],
          ["n", "b1"],
        ],
        "task-b",
        "~1",
      );
      await saver.putWrites(config, [["n", "z"]], "task-z", "~0");
      await saver.putWrites(config, [["n", "a"]], "task-a", "~1");
      await saver.putWrites(config, [["n", "input"]], "task-y");

      const tuple = await saver.getTuple(config);

      expect(tuple?.pendingWrites?.map((w) => w[2])).toEqual(["input", "z", "a", "b0", "b1"]);
    });

    it("gives binary channel values back as a plain Uint8Array", async () => {
      const checkpoint = {
        ...emptyCheckpoint(),
        channel_values: { raw: new Uint8Array([0, 1, 255]) },
      };
      checkpoint.channel_versions = { raw: 1 };
      const config = await saver.put(
        { configurable: { thread_id: randomUUID() } },
        checkpoint,
        meta,
        { raw: 1 },
      );

      const raw = (await saver.getTuple(config))?.checkpoint.channel_values.raw;

      expect(raw?.constructor).toBe(Uint8Array);
      expect([...(raw as Uint8Array)]).toEqual([0, 1, 255]);
    });

    it("sets up again, even twice at once, without losing stored checkpoints", async () => {
      const config = await freshCheckpoint();

      await Promise.all([saver.setup(), new DatabaseCheckpointSaver(t.db).setup()]);

      expect(await saver.getTuple(config)).toBeDefined();
    });
  });
}
