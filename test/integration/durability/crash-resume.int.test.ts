import { describe, it } from "vitest";
import { openPostgres } from "../../../db/postgres.js";
import { freshPostgres, TEST_DATABASE_URL } from "../../support/engines.js";
import { crashResumeSuite } from "./crash-resume.suite.js";

if (TEST_DATABASE_URL)
  crashResumeSuite(async () => {
    const scratch = await freshPostgres();
    const url = scratch.url as string;
    return {
      name: "server PostgreSQL",
      childEnv: { DATABASE_URL: url },
      connectionString: url,
      open: () => openPostgres(url),
      release: (db) => db.close(),
      dispose: () => scratch.dispose(),
    };
  });
else
  describe.skip("crash and resume on server PostgreSQL (TEST_DATABASE_URL unset)", () =>
    it("skipped", () => {}));
