import { pgliteInMemory } from "../../support/engines.js";
import { apiSuite } from "./api.suite.js";

apiSuite("PGlite", pgliteInMemory);
