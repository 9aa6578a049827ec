import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { databaseSaverSuite } from "./database-saver.suite.js";

if (TEST_DATABASE_URL) databaseSaverSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("DatabaseCheckpointSaver on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
