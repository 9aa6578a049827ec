import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { fuzzSuite } from "./fuzz.suite.js";

if (TEST_DATABASE_URL) fuzzSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("fuzzing the REST API on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
