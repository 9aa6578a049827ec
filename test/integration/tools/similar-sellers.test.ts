import { pgliteInMemory } from "../../support/engines.js";
import { similarSellersSuite } from "./similar-sellers.suite.js";

similarSellersSuite("PGlite", pgliteInMemory);
