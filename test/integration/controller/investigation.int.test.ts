import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { investigationSuite } from "./investigation.suite.js";

if (TEST_DATABASE_URL) investigationSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("investigating on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
