import { pgliteInMemory } from "../../support/engines.js";
import { batchesApiSuite } from "./batches-api.suite.js";

batchesApiSuite("PGlite", pgliteInMemory);
