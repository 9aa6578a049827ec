// Workers of the old version (upstream's PostgresSaver) and the new one
// (BatchedPostgresSaver) share schema "langgraph" during a rolling upgrade: a run one
// of them checkpointed must resume under the other, with the same state.
import { randomUUID } from "node:crypto";
import { Annotation, Command, END, interrupt, START, StateGraph } from "@langchain/langgraph";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchedPostgresSaver } from "../../../db/checkpoint/batched-postgres-saver.js";
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from "../../support/engines.js";

const Notes = Annotation.Root({
  /** What the graph did, in order. */
  notes: Annotation<string[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
});

/** plan, then two parallel steps (several writes in one step), then an approval that pauses. */
function graph(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(Notes)
    .addNode("plan", () => ({ notes: ["planned"] }))
    .addNode("left", () => ({ notes: ["left"] }))
    .addNode("right", () => ({ notes: ["right"] }))
    .addNode("approve", () => ({
      notes: [`approved by ${interrupt<string, string>("who approves?")}`],
    }))
    .addEdge(START, "plan")
    .addEdge("plan", "left")
    .addEdge("plan", "right")
    .addEdge("left", "approve")
    .addEdge("right", "approve")
    .addEdge("approve", END)
    .compile({ checkpointer });
}

if (!TEST_DATABASE_URL)
  describe.skip("BatchedPostgresSaver beside PostgresSaver (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
else
  describe("BatchedPostgresSaver beside upstream's PostgresSaver on one schema", () => {
    let t: TestDatabase;
    let pool: pg.Pool;
    let upstream: PostgresSaver;
    let batched: BatchedPostgresSaver;
    beforeAll(async () => {
      t = await freshPostgres();
      pool = new pg.Pool({ connectionString: t.url, max: 2 });
      upstream = new PostgresSaver(pool, undefined, { schema: "langgraph" });
      batched = new BatchedPostgresSaver(pool, { schema: "langgraph" });
      await upstream.setup();
    }, 60_000);
    afterAll(async () => {
      await pool?.end();
      await t?.dispose();
    });

    for (const [first, second] of [
      ["upstream", "batched"],
      ["batched", "upstream"],
    ] as const) {
      it(`resumes under the ${second} saver a run the ${first} one paused, with the same history`, async () => {
        const savers = { upstream, batched };
        const config = { configurable: { thread_id: randomUUID() } };
        const paused = await graph(savers[first]).invoke({ notes: [] }, config);
        expect(paused).toMatchObject({ __interrupt__: [{ value: "who approves?" }] });

        const done = await graph(savers[second]).invoke(new Command({ resume: "ana" }), config);

        expect(done.notes).toEqual(["planned", "left", "right", "approved by ana"]);
        const history = async (saver: BaseCheckpointSaver) => {
          const steps: unknown[] = [];
          for await (const tuple of saver.list(config))
            steps.push([tuple.checkpoint.id, tuple.checkpoint.channel_values, tuple.pendingWrites]);
          return steps;
        };
        const seen = await history(upstream);
        expect(seen.length).toBeGreaterThan(3);
        expect(await history(batched)).toEqual(seen);
      });
    }
  });
