import { pgliteInMemory } from "../../support/engines.js";
import { batchesSuite } from "./batches.suite.js";

batchesSuite("PGlite", pgliteInMemory);
