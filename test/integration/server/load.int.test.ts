import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { loadSuite } from "./load.suite.js";

if (TEST_DATABASE_URL) loadSuite("server PostgreSQL", freshPostgres, 4);
else
  describe.skip("the REST API under load on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
