import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { slackSuite } from "./slack.suite.js";

if (TEST_DATABASE_URL) slackSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("the Slack bot on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
