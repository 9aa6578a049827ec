import { pgliteInMemory } from "../../support/engines.js";
import { conformanceSuite, databaseSaverOn } from "./conformance.suite.js";

conformanceSuite(databaseSaverOn("PGlite", pgliteInMemory));
