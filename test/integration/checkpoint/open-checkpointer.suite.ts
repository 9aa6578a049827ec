// openCheckpointer on a real engine: the saver it picks for the engine, a stored checkpoint
// read back, and a graph interrupted under one checkpointer and resumed under a new one.
import { randomUUID } from "node:crypto";
import { Annotation, Command, END, interrupt, START, StateGraph } from "@langchain/langgraph";
import { type BaseCheckpointSaver, emptyCheckpoint } from "@langchain/langgraph-checkpoint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCheckpointer } from "../../../db/checkpoint/open.js";
import type { TestDatabase } from "../../support/engines.js";

const Notes = Annotation.Root({
  /** What the graph did, in order. */
  notes: Annotation<string[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
});

function approvalGraph(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(Notes)
    .addNode("plan", () => ({ notes: ["planned"] }))
    .addNode("approve", () => ({
      notes: [`approved by ${interrupt<string, string>("who approves?")}`],
    }))
    .addEdge(START, "plan")
    .addEdge("plan", "approve")
    .addEdge("approve", END)
    .compile({ checkpointer });
}

type SaverClass = abstract new (...args: never[]) => BaseCheckpointSaver;

export function openCheckpointerSuite(
  engine: string,
  open: () => Promise<TestDatabase>,
  expected: SaverClass,
): void {
  describe(`openCheckpointer on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it(`chooses ${expected.name} and reads back the checkpoint and writes it stored`, async () => {
      const opened = await openCheckpointer(t.db, { connectionString: t.url });
      try {
        expect(opened.saver).toBeInstanceOf(expected);
        const checkpoint = { ...emptyCheckpoint(), channel_values: { notes: ["a"] } };
        checkpoint.channel_versions = { notes: 1 };
        const config = await opened.saver.put(
          { configurable: { thread_id: randomUUID() } },
          checkpoint,
          { source: "input", step: -1, parents: {} },
          { notes: 1 },
        );
        await opened.saver.putWrites(config, [["notes", ["b"]]], "task-1");

        const tuple = await opened.saver.getTuple(config);

        expect(tuple?.checkpoint).toEqual(checkpoint);
        expect(tuple?.metadata).toEqual({ source: "input", step: -1, parents: {} });
        expect(tuple?.pendingWrites).toEqual([["task-1", "notes", ["b"]]]);
      } finally {
        await opened.close();
      }
    });

    it("resumes an interrupted graph through a checkpointer opened afresh on the same database", async () => {
      const config = { configurable: { thread_id: randomUUID() } };
      const first = await openCheckpointer(t.db, { connectionString: t.url });
      const paused = await approvalGraph(first.saver)
        .invoke({ notes: [] }, config)
        .finally(() => first.close());
      expect(paused).toMatchObject({ __interrupt__: [{ value: "who approves?" }] });

      const second = await openCheckpointer(t.db, { connectionString: t.url });
      const done = await approvalGraph(second.saver)
        .invoke(new Command({ resume: "ana" }), config)
        .finally(() => second.close());

      expect(done.notes).toEqual(["planned", "approved by ana"]);
    });
  });
}
