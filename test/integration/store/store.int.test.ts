import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { storeSuite } from "./store.suite.js";

if (TEST_DATABASE_URL) storeSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the case store on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
