import { describe, expect, it } from "vitest";
import { DatabaseCheckpointSaver } from "../../../db/checkpoint/database-saver.js";
import { openCheckpointer } from "../../../db/checkpoint/open.js";
import type { Database } from "../../../db/types.js";
import { isAppError } from "../../../domain/errors.js";
import { pgliteInMemory } from "../../support/engines.js";
import { openCheckpointerSuite } from "./open-checkpointer.suite.js";

openCheckpointerSuite("PGlite", pgliteInMemory, DatabaseCheckpointSaver);

describe("openCheckpointer on server PostgreSQL without a connection string", () => {
  it("refuses with config_invalid, naming what is missing", async () => {
    const server = { engine: "postgres", location: "PostgreSQL at db:5432/casehound" } as Database;

    const error = await openCheckpointer(server, {}).catch((e: unknown) => e);

    expect(isAppError(error, "config_invalid")).toBe(true);
    expect((error as Error).message).toMatch(/connection string/);
  });
});
