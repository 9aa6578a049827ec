import { pgliteInMemory } from "../../support/engines.js";
import { investigationSuite } from "./investigation.suite.js";

investigationSuite("PGlite", pgliteInMemory);
