import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { consoleStoreSuite } from "./console-store.suite.js";

if (TEST_DATABASE_URL) consoleStoreSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the console's store on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
