import { describe, it } from "vitest";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { baselineSnapshotSuite } from "./baseline-snapshots.suite.js";

if (TEST_DATABASE_URL) baselineSnapshotSuite("server PostgreSQL", freshPostgres);
else
  describe.skip("baseline snapshots on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
