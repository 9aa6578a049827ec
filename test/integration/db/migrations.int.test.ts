import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { migrationSuite } from "./migrations.suite.js";

if (TEST_DATABASE_URL) migrationSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("migrations on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
