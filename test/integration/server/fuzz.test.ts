import { pgliteInMemory } from "../../support/engines.js";
import { fuzzSuite } from "./fuzz.suite.js";

fuzzSuite("PGlite", pgliteInMemory);
