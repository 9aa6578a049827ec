import { pgliteInMemory } from "../../support/engines.js";
import { storeSuite } from "./store.suite.js";

storeSuite("PGlite", pgliteInMemory);
