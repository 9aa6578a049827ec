import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { apiSuite } from "./api.suite.js";

if (TEST_DATABASE_URL) apiSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the REST API on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
