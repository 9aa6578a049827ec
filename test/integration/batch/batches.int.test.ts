import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { batchesSuite } from "./batches.suite.js";

if (TEST_DATABASE_URL) batchesSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("batches on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
