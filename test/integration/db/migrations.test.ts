import { pgliteInMemory } from "../../support/engines.js";
import { migrationSuite } from "./migrations.suite.js";

migrationSuite("PGlite", pgliteInMemory);
