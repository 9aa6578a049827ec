import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { similarApiSuite } from "./similar-api.suite.js";

if (TEST_DATABASE_URL) similarApiSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the similar-seller route on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
