import { describe, it } from "vitest";
import { BatchedPostgresSaver } from "../../../db/checkpoint/batched-postgres-saver.js";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { openCheckpointerSuite } from "./open-checkpointer.suite.js";

if (TEST_DATABASE_URL)
  openCheckpointerSuite("server PostgreSQL", freshPostgres, BatchedPostgresSaver);
else
  describe.skip("openCheckpointer on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
