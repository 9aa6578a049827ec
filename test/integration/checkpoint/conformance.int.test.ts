import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import {
  batchedPostgresSaverOn,
  conformanceSuite,
  databaseSaverOn,
  postgresSaverOn,
} from "./conformance.suite.js";

if (TEST_DATABASE_URL) {
  conformanceSuite(postgresSaverOn(freshPostgres));
  conformanceSuite(batchedPostgresSaverOn(freshPostgres));
  conformanceSuite(databaseSaverOn("server PostgreSQL", freshPostgres));
} else
  describe.skip("checkpointer conformance on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
