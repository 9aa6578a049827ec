import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { similarSellersSuite } from "./similar-sellers.suite.js";

if (TEST_DATABASE_URL) similarSellersSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("similar sellers on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
