import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { redTeamSqlSuite } from "./red-team-sql.suite.js";

if (TEST_DATABASE_URL) redTeamSqlSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("red-team SQL on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
