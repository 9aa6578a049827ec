import { pgliteInMemory } from "../../support/engines.js";
import { worldSuite } from "./world.suite.js";

worldSuite("PGlite", pgliteInMemory);
