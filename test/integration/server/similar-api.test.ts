import { pgliteInMemory } from "../../support/engines.js";
import { similarApiSuite } from "./similar-api.suite.js";

similarApiSuite("PGlite", pgliteInMemory);
