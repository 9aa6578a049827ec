import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { openCheckpointerSuite } from "./open-checkpointer.suite.js";

if (TEST_DATABASE_URL) openCheckpointerSuite("server PostgreSQL", freshPostgres, PostgresSaver);
else
  describe.skip("openCheckpointer on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
