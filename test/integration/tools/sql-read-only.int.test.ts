import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { sqlReadOnlySuite } from "./sql-read-only.suite.js";

if (TEST_DATABASE_URL) sqlReadOnlySuite("server PostgreSQL", freshPostgres);
else
  describe.skip("guarded, read-only SQL on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
