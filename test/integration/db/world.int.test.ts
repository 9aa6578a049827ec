import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { worldSuite } from "./world.suite.js";

if (TEST_DATABASE_URL) worldSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the small demo world on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
