import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { replaySuite } from "./replay.suite.js";

if (TEST_DATABASE_URL) replaySuite("server PostgreSQL", freshPostgres);
else
  describe.skip("exact replay on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
