// The LangGraph checkpointer conformance suite (@langchain/langgraph-checkpoint-validation)
// run against savers on a real engine. One database serves a whole suite; the saver's
// tables are emptied whenever the suite asks for a new checkpointer, which is how its
// blocks stay independent (some reuse fixed thread ids such as "thread-1").

import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import {
  type CheckpointSaverTestInitializer,
  deltaChannelHistoryTests,
  validate,
} from "@langchain/langgraph-checkpoint-validation";
import pg from "pg";
import * as vitest from "vitest";
import { BatchedPostgresSaver } from "../../../db/checkpoint/batched-postgres-saver.js";
import { DatabaseCheckpointSaver } from "../../../db/checkpoint/database-saver.js";
import { CHECKPOINT_TABLES } from "../../../db/checkpoint/schema.js";
import type { TestDatabase } from "../../support/engines.js";

const SETUP_TIMEOUT_MS = 60_000;

/** The suite calls describe/it/expect as globals; our vitest config does not define them. */
function installVitestGlobals(): void {
  const { describe, it, test, expect, beforeAll, afterAll, beforeEach, afterEach } = vitest;
  Object.assign(globalThis, {
    describe,
    it,
    test,
    expect,
    beforeAll,
    afterAll,
    beforeEach,
    afterEach,
  });
}

/** Registers the full suite plus the opt-in getDeltaChannelHistory tests. */
export function conformanceSuite<T extends BaseCheckpointSaver>(
  initializer: CheckpointSaverTestInitializer<T>,
): void {
  installVitestGlobals();
  vitest.describe("LangGraph checkpointer conformance", () => {
    validate(initializer);
    deltaChannelHistoryTests(initializer);
  });
}

export function databaseSaverOn(
  engine: string,
  open: () => Promise<TestDatabase>,
): CheckpointSaverTestInitializer<DatabaseCheckpointSaver> {
  let t: TestDatabase | undefined;
  return {
    checkpointerName: `DatabaseCheckpointSaver on ${engine}`,
    beforeAllTimeout: SETUP_TIMEOUT_MS,
    async beforeAll() {
      t = await open();
      await new DatabaseCheckpointSaver(t.db).setup();
    },
    async afterAll() {
      await t?.dispose();
    },
    async createCheckpointer() {
      if (!t) throw new Error("beforeAll did not open a database");
      await t.db.exec(`TRUNCATE ${CHECKPOINT_TABLES.join(", ")}`);
      return new DatabaseCheckpointSaver(t.db);
    },
  };
}

/** The official saver, as openCheckpointer configures it (schema "langgraph"). */
export function postgresSaverOn(
  open: () => Promise<TestDatabase>,
): CheckpointSaverTestInitializer<PostgresSaver> {
  let t: TestDatabase | undefined;
  let saver: PostgresSaver | undefined;
  return {
    checkpointerName: "PostgresSaver on server PostgreSQL",
    beforeAllTimeout: SETUP_TIMEOUT_MS,
    async beforeAll() {
      t = await open();
      if (!t.url) throw new Error("PostgresSaver needs a server database URL");
      saver = PostgresSaver.fromConnString(t.url, { schema: "langgraph" });
      await saver.setup();
    },
    async afterAll() {
      await saver?.end();
      await t?.dispose();
    },
    async createCheckpointer() {
      if (!t || !saver) throw new Error("beforeAll did not open a database");
      await t.db.exec(
        "TRUNCATE langgraph.checkpoints, langgraph.checkpoint_blobs, langgraph.checkpoint_writes",
      );
      return saver;
    },
  };
}

/** Our one-statement-per-write PostgresSaver, as openCheckpointer configures it. */
export function batchedPostgresSaverOn(
  open: () => Promise<TestDatabase>,
): CheckpointSaverTestInitializer<BatchedPostgresSaver> {
  let t: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  let saver: BatchedPostgresSaver | undefined;
  return {
    checkpointerName: "BatchedPostgresSaver on server PostgreSQL",
    beforeAllTimeout: SETUP_TIMEOUT_MS,
    async beforeAll() {
      t = await open();
      if (!t.url) throw new Error("BatchedPostgresSaver needs a server database URL");
      pool = new pg.Pool({ connectionString: t.url, max: 4 });
      saver = new BatchedPostgresSaver(pool, { schema: "langgraph" });
      await saver.setup();
    },
    async afterAll() {
      await pool?.end();
      await t?.dispose();
    },
    async createCheckpointer() {
      if (!t || !saver) throw new Error("beforeAll did not open a database");
      await t.db.exec(
        "TRUNCATE langgraph.checkpoints, langgraph.checkpoint_blobs, langgraph.checkpoint_writes",
      );
      return saver;
    },
  };
}
