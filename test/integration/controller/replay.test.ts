import { pgliteInMemory } from "../../support/engines.js";
import { replaySuite } from "./replay.suite.js";

replaySuite("PGlite", pgliteInMemory);
