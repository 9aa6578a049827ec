import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { linksNeighbourhoodSuite } from "./links-neighbourhood.suite.js";

if (TEST_DATABASE_URL) linksNeighbourhoodSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("link analysis on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
