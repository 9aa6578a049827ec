import { pgliteInMemory } from "../../support/engines.js";
import { loadSuite } from "./load.suite.js";

// PGlite runs one query at a time: two workers keep it busy.
loadSuite("PGlite", pgliteInMemory, 2);
