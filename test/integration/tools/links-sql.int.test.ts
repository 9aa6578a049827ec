import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { linksSqlSuite } from "./links-sql.suite.js";

if (TEST_DATABASE_URL) linksSqlSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the link tools' SQL on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
