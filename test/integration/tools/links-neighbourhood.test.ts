import { pgliteInMemory } from "../../support/engines.js";
import { linksNeighbourhoodSuite } from "./links-neighbourhood.suite.js";

linksNeighbourhoodSuite("embedded PGlite", pgliteInMemory);
