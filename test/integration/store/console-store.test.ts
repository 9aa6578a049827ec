import { pgliteInMemory } from "../../support/engines.js";
import { consoleStoreSuite } from "./console-store.suite.js";

consoleStoreSuite("PGlite", pgliteInMemory);
