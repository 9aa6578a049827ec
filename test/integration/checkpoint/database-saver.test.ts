import { pgliteInMemory } from "../../support/engines.js";
import { databaseSaverSuite } from "./database-saver.suite.js";

databaseSaverSuite("PGlite", pgliteInMemory);
