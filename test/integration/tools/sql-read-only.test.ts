import { pgliteInMemory } from "../../support/engines.js";
import { sqlReadOnlySuite } from "./sql-read-only.suite.js";

sqlReadOnlySuite("PGlite", pgliteInMemory);
