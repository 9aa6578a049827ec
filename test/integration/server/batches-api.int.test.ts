import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { batchesApiSuite } from "./batches-api.suite.js";

if (TEST_DATABASE_URL) batchesApiSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the batch API on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
